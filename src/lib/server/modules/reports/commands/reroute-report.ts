/**
 * Staff send a report to another category (and so to that category's department), or keep the category and hand it
 * to another department. The assignment is cleared: the new department decides who takes it. The acting staff member
 * must handle the report's current department; the receiving one may be any.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { departments } from '../../../platform/db/schema.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { isOpen } from '../rules.ts';
import { reportsCategories, reportsReports, reportsUpdates } from '../schema.ts';
import { lockReport, reportForStaff } from '../staff.ts';

export async function rerouteReport(
	actor: Actor,
	reportId: string,
	input: { categoryId?: string; departmentId?: string }
): Promise<Result<{ departmentId: string }>> {
	const db = await getDb();
	const { report, instance } = await reportForStaff(db, actor, reportId);
	const categoryId = input.categoryId || report.categoryId;
	const [category] = await db
		.select()
		.from(reportsCategories)
		.where(
			and(
				eq(reportsCategories.id, categoryId),
				eq(reportsCategories.moduleId, report.moduleId),
				isNotNull(reportsCategories.departmentId)
			)
		);
	if (!category) return invalid({ categoryId: 'reports_staff_error_category' });
	const departmentId =
		input.departmentId && categoryId === report.categoryId ? input.departmentId : category.departmentId!;
	const [department] = await db
		.select({ id: departments.id })
		.from(departments)
		.where(eq(departments.id, departmentId));
	if (!department) return invalid({ departmentId: 'reports_staff_error_department' });
	if (departmentId === report.departmentId && categoryId === report.categoryId)
		return invalid({ categoryId: 'reports_staff_error_same_route' });

	const outcome = await db.transaction(async (tx) => {
		const current = await lockReport(tx, reportId);
		if (!isOpen(current.state)) return 'closed' as const;
		await tx
			.update(reportsReports)
			.set({ categoryId, departmentId, assigneeId: null, updatedAt: new Date() })
			.where(eq(reportsReports.id, reportId));
		await tx.insert(reportsUpdates).values({
			reportId,
			kind: 'system',
			authorId: isUser(actor) ? actor.id : null,
			text: 'reports_staff_log_rerouted',
			data: { category: category.name, fromCategoryId: current.categoryId, fromDepartmentId: current.departmentId }
		});
		await recordAction(tx, actor, {
			action: 'report.reroute',
			resourceType: 'report',
			resourceId: reportId,
			spaceId: instance.spaceId,
			data: { from: { categoryId: current.categoryId, departmentId: current.departmentId }, categoryId, departmentId }
		});
		return 'done' as const;
	});
	if (outcome === 'closed') return invalid({ categoryId: 'reports_staff_error_closed' });
	return ok({ departmentId });
}
