/**
 * The eligibility commission finds an idea eligible or ineligible (a reason is required for ineligible): the
 * project's state, a row in the public decision log and the audit log, in one transaction; then the author is told.
 */
import { eq } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb, type Db } from '../../../platform/db/index.ts';
import { authorize, deny } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import { EligibilityInput } from '../forms.ts';
import { notifyAuthor } from '../notify-author.ts';
import { projectOrThrow, projectUrl } from '../queries.ts';
import { budgetsDecisions, budgetsProjects } from '../schema.ts';

export async function decideEligibility(
	actor: Actor,
	{ moduleId, projectId }: { moduleId: string; projectId: string },
	input: EligibilityInput
): Promise<Result<{ decisionId: string }>> {
	const db = await getDb();
	const { ctx } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, 'decide_eligibility', ctx));
	const project = await projectOrThrow(db, moduleId, projectId);
	if (project.withdrawnAt) authorize(deny('budgets_project_withdrawn'));
	const parsed = EligibilityInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { outcome, reason } = parsed.data;
	const decision = await db.transaction(async (tx) => {
		await tx
			.update(budgetsProjects)
			.set({ eligibility: outcome, eligibilityReason: reason || null })
			.where(eq(budgetsProjects.id, projectId));
		const [row] = await tx
			.insert(budgetsDecisions)
			.values({
				projectId,
				kind: 'eligibility',
				outcome,
				reason: reason || null,
				decidedBy: isUser(actor) ? actor.id : null
			})
			.returning();
		await recordAction(tx as unknown as Db, actor, {
			action: 'budgets.decide_eligibility',
			resourceType: 'budget_project',
			resourceId: projectId,
			spaceId: ctx.space.id,
			data: { code: project.code, outcome, reason }
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
