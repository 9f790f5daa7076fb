/**
 * Administrators create or edit a category of the tree: a group, or a leaf routed to a department with its extra
 * questions (Open311 attributes). Moving is a change of parent (only under a group, never under itself or its own
 * descendants); deactivating keeps it on old reports but stops offering it. A code used by reports never changes:
 * Open311 clients know the category by it.
 */
import { and, count, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { departments } from '../../../platform/db/schema.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type FieldErrors, type Result } from '../../../platform/result.ts';
import { validateQuestions, type CategoryInput } from '../category-form.ts';
import { canReports, reportsModule } from '../context.ts';
import { reportsCategories, reportsReports } from '../schema.ts';

export async function saveCategory(
	actor: Actor,
	moduleId: string,
	categoryId: string | null,
	input: CategoryInput
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { ctx, instance } = await reportsModule(db, moduleId);
	authorize(canReports(actor, 'manage', ctx));
	const all = await db.select().from(reportsCategories).where(eq(reportsCategories.moduleId, moduleId));
	const existing = categoryId ? all.find((c) => c.id === categoryId) : undefined;
	if (categoryId && !existing) throw new NotFoundError('category');

	const errors: FieldErrors = {};
	if (!/^[a-z0-9][a-z0-9_-]{1,39}$/.test(input.code)) errors.code = 'reports_staff_error_code';
	else if (all.some((c) => c.code === input.code && c.id !== categoryId))
		errors.code = 'reports_staff_error_code_taken';
	if (!input.name.ro) errors.name_ro = 'validation_required';
	const used = categoryId
		? (await db.select({ n: count() }).from(reportsReports).where(eq(reportsReports.categoryId, categoryId)))[0].n
		: 0;
	if (existing && used && existing.code !== input.code) errors.code = 'reports_staff_error_code_used';
	const children = categoryId ? all.filter((c) => c.parentId === categoryId) : [];
	if (input.kind === 'leaf') {
		if (!input.departmentId) errors.departmentId = 'reports_staff_error_department';
		else {
			const [dep] = await db
				.select({ id: departments.id })
				.from(departments)
				.where(eq(departments.id, input.departmentId));
			if (!dep) errors.departmentId = 'reports_staff_error_department';
		}
		if (children.length) errors.kind = 'reports_staff_error_group_has_children';
	} else if (used) errors.kind = 'reports_staff_error_leaf_has_reports';
	if (input.parentId) {
		const parent = all.find((c) => c.id === input.parentId);
		// Walk up from the new parent: meeting the category itself would make a cycle.
		let cursor = parent;
		let cycle = false;
		while (cursor) {
			if (cursor.id === categoryId) cycle = true;
			cursor = all.find((c) => c.id === cursor!.parentId);
			if (cycle) break;
		}
		if (!parent || parent.departmentId || cycle) errors.parentId = 'reports_staff_error_parent';
	}
	const checked = input.kind === 'leaf' ? validateQuestions(input.questions) : { questions: [] };
	if ('errors' in checked) Object.assign(errors, checked.errors);
	if (Object.keys(errors).length || 'errors' in checked) return invalid(errors);

	const values = {
		moduleId,
		parentId: input.parentId,
		code: input.code,
		name: input.name.en ? { ro: input.name.ro, en: input.name.en } : { ro: input.name.ro },
		description: input.description.en
			? { ro: input.description.ro, en: input.description.en }
			: { ro: input.description.ro },
		departmentId: input.kind === 'leaf' ? input.departmentId : null,
		questions: checked.questions,
		keywords: input.keywords,
		active: input.active,
		position: input.position
	};
	const id = await db.transaction(async (tx) => {
		const [row] = categoryId
			? await tx
					.update(reportsCategories)
					.set(values)
					.where(and(eq(reportsCategories.id, categoryId), eq(reportsCategories.moduleId, moduleId)))
					.returning({ id: reportsCategories.id })
			: await tx.insert(reportsCategories).values(values).onConflictDoNothing().returning({ id: reportsCategories.id });
		if (!row) return null;
		await recordAction(tx, actor, {
			action: categoryId ? 'report_category.update' : 'report_category.create',
			resourceType: 'report_category',
			resourceId: row.id,
			spaceId: instance.spaceId,
			data: { code: input.code, departmentId: values.departmentId, active: input.active }
		});
		return row.id;
	});
	if (!id) return invalid({ code: 'reports_staff_error_code_taken' });
	return ok({ id });
}
