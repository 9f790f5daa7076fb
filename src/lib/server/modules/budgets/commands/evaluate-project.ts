/**
 * The project's department finds it feasible (with the city's cost estimate) or unfeasible (with a reason): the
 * project, the public decision log and the audit log in one transaction; then the author is told.
 */
import { eq } from 'drizzle-orm';
import { hasSpaceRole, isAdmin, isUser, type Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb, type Db } from '../../../platform/db/index.ts';
import { authorize, deny } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import { EvaluationInput } from '../forms.ts';
import { notifyAuthor } from '../notify-author.ts';
import { managesBudgets } from '../permissions.ts';
import { projectOrThrow, projectUrl } from '../queries.ts';
import { budgetsDecisions, budgetsProjects } from '../schema.ts';

/**
 * A project assigned to a department is evaluated by that department's members (or an administrator of the
 * platform or the space); one not yet assigned, by any staff member managing the edition.
 */
export const evaluatesProject = (actor: Actor, spaceId: string, departmentId: string | null) =>
	departmentId
		? isAdmin(actor) ||
			hasSpaceRole(actor, spaceId, 'admin') ||
			(isUser(actor) && actor.departmentIds.includes(departmentId))
		: managesBudgets(actor, spaceId);

export async function evaluateProject(
	actor: Actor,
	{ moduleId, projectId }: { moduleId: string; projectId: string },
	input: EvaluationInput
): Promise<Result<{ decisionId: string }>> {
	const db = await getDb();
	const { ctx } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, 'evaluate', ctx));
	const project = await projectOrThrow(db, moduleId, projectId);
	if (!evaluatesProject(actor, ctx.space.id, project.departmentId)) authorize(deny('budgets_not_your_department'));
	if (project.withdrawnAt) authorize(deny('budgets_project_withdrawn'));
	const parsed = EvaluationInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { outcome, reason, cityCost } = parsed.data;
	const decision = await db.transaction(async (tx) => {
		await tx
			.update(budgetsProjects)
			.set({ evaluation: outcome, evaluationReason: reason || null, ...(cityCost ? { cityCost } : {}) })
			.where(eq(budgetsProjects.id, projectId));
		const [row] = await tx
			.insert(budgetsDecisions)
			.values({
				projectId,
				kind: 'evaluation',
				outcome,
				reason: reason || null,
				cost: cityCost,
				decidedBy: isUser(actor) ? actor.id : null
			})
			.returning();
		await recordAction(tx as unknown as Db, actor, {
			action: 'budgets.evaluate',
			resourceType: 'budget_project',
			resourceId: projectId,
			spaceId: ctx.space.id,
			data: { code: project.code, outcome, reason, cityCost }
		});
		return row;
	});
	await notifyAuthor(db, project, decision, {
		link: projectUrl(ctx.space.slug, moduleId, projectId),
		appealDays: ctx.settings.appealDays,
		moduleId
	});
	return ok({ decisionId: decision.id });
}
