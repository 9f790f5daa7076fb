/** Staff assign the department that evaluates a project (and builds it, if funded). */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb, type Db } from '../../../platform/db/index.ts';
import { departments } from '../../../platform/db/schema.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import { projectOrThrow } from '../queries.ts';
import { budgetsProjects } from '../schema.ts';

export async function assignDepartment(
	actor: Actor,
	{ moduleId, projectId }: { moduleId: string; projectId: string },
	{ departmentId }: { departmentId: string }
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, 'manage', ctx));
	const project = await projectOrThrow(db, moduleId, projectId);
	const id = departmentId.trim() || null;
	if (id) {
		const [d] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, id));
		if (!d) return invalid({ departmentId: 'budgets_error_department' });
	}
	await db.transaction(async (tx) => {
		await tx.update(budgetsProjects).set({ departmentId: id }).where(eq(budgetsProjects.id, projectId));
		await recordAction(tx as unknown as Db, actor, {
			action: 'budgets.assign_department',
			resourceType: 'budget_project',
			resourceId: projectId,
			spaceId: ctx.space.id,
			data: { code: project.code, departmentId: id }
		});
	});
	return ok(null);
}
