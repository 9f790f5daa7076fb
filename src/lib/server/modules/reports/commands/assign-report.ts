/** Staff assign a report to a person of its department (or take the assignment away); the assignee is told. */
import { and, eq } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { departmentMembers } from '../../../platform/db/schema.ts';
import { logger } from '../../../platform/log.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { reportsReports, reportsUpdates } from '../schema.ts';
import { numberOf } from '../staff-messages.ts';
import { lockReport, reportForStaff, staffReportPath } from '../staff.ts';

export async function assignReport(
	actor: Actor,
	reportId: string,
	assigneeId: string | null
): Promise<Result<{ changed: boolean }>> {
	const db = await getDb();
	const { report, ctx, instance } = await reportForStaff(db, actor, reportId);
	const changed = await db.transaction(async (tx) => {
		const current = await lockReport(tx, reportId);
		if (assigneeId) {
			const [member] = await tx
				.select({ userId: departmentMembers.userId })
				.from(departmentMembers)
				.where(and(eq(departmentMembers.departmentId, current.departmentId), eq(departmentMembers.userId, assigneeId)));
			if (!member) return 'not_member' as const;
		}
		if (current.assigneeId === assigneeId) return false;
		await tx.update(reportsReports).set({ assigneeId, updatedAt: new Date() }).where(eq(reportsReports.id, reportId));
		await tx.insert(reportsUpdates).values({
			reportId,
			kind: 'internal',
			authorId: isUser(actor) ? actor.id : null,
			text: assigneeId ? 'reports_staff_log_assigned' : 'reports_staff_log_unassigned',
			// An internal entry whose text is a message key (`log`): the staff timeline shows who took it over.
			data: { log: true, assigneeId }
		});
		await recordAction(tx, actor, {
			action: 'report.assign',
			resourceType: 'report',
			resourceId: reportId,
			spaceId: instance.spaceId,
			data: { from: current.assigneeId, to: assigneeId }
		});
		return true;
	});
	if (changed === 'not_member') return invalid({ assigneeId: 'reports_staff_error_not_member' });
	if (changed && assigneeId && !(isUser(actor) && actor.id === assigneeId)) {
		await notify(db, {
			userIds: [assigneeId],
			key: 'reports_staff_notification_assigned',
			data: { number: numberOf(report, ctx.settings.numberPrefix), title: report.title },
			link: staffReportPath(reportId)
		}).catch((err) => logger().error({ err, reportId }, 'reports: assignment not notified'));
	}
	return ok({ changed });
}
