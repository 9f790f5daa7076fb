/**
 * Staff decide a pending appeal with a reason: upheld reverses the decision appealed against (the project becomes
 * eligible, or feasible), dismissed keeps it. Logged publicly and in the audit log, in one transaction; the author
 * is told. A second decision on the same appeal (a double submit) finds it no longer pending and changes nothing.
 */
import { and, eq } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb, type Db } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import { AppealDecisionInput } from '../forms.ts';
import { notifyAuthor } from '../notify-author.ts';
import { projectUrl } from '../queries.ts';
import { budgetsAppeals, budgetsDecisions, budgetsProjects } from '../schema.ts';

export async function decideAppeal(
	actor: Actor,
	{ moduleId, appealId }: { moduleId: string; appealId: string },
	input: AppealDecisionInput
): Promise<Result<{ decisionId: string }>> {
	const db = await getDb();
	const { ctx } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, 'decide_appeal', ctx));
	const [found] = await db
		.select({ appeal: budgetsAppeals, project: budgetsProjects })
		.from(budgetsAppeals)
		.innerJoin(budgetsProjects, eq(budgetsProjects.id, budgetsAppeals.projectId))
		.where(and(eq(budgetsAppeals.id, appealId), eq(budgetsProjects.moduleId, moduleId)));
	if (!found) throw new NotFoundError('appeal');
	const parsed = AppealDecisionInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { outcome, reason } = parsed.data;
	const { project } = found;
	const decision = await db.transaction(async (tx) => {
		const [appeal] = await tx
			.update(budgetsAppeals)
			.set({
				status: outcome,
				decisionReason: reason,
				decidedBy: isUser(actor) ? actor.id : null,
				decidedAt: new Date()
			})
			.where(and(eq(budgetsAppeals.id, appealId), eq(budgetsAppeals.status, 'pending')))
			.returning();
		if (!appeal) return null;
		if (outcome === 'upheld') {
			const [appealed] = await tx
				.select({ kind: budgetsDecisions.kind })
				.from(budgetsDecisions)
				.where(eq(budgetsDecisions.id, appeal.decisionId));
			await tx
				.update(budgetsProjects)
				.set(
					appealed.kind === 'eligibility'
						? { eligibility: 'eligible', eligibilityReason: reason }
						: { evaluation: 'feasible', evaluationReason: reason }
				)
				.where(eq(budgetsProjects.id, project.id));
		}
		const [row] = await tx
			.insert(budgetsDecisions)
			.values({
				projectId: project.id,
				kind: 'appeal_decision',
				outcome,
				reason,
				decidedBy: isUser(actor) ? actor.id : null
			})
			.returning();
		await recordAction(tx as unknown as Db, actor, {
			action: 'budgets.decide_appeal',
			resourceType: 'budget_project',
			resourceId: project.id,
			spaceId: ctx.space.id,
			data: { code: project.code, appealId, outcome, reason }
		});
		return row;
	});
	if (!decision) return invalid({ outcome: 'budgets_error_appeal_decided' });
	await notifyAuthor(db, project, decision, {
		link: projectUrl(ctx.space.slug, moduleId, project.id),
		appealDays: ctx.settings.appealDays,
		moduleId
	});
	return ok({ decisionId: decision.id });
}
