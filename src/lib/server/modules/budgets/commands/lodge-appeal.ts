/**
 * The author appeals against the decision that keeps an idea off the ballot (ineligible or unfeasible), in the
 * `appeals` stage and within `appealDays` of that decision; once per decision, and never two pending appeals for a
 * project (the partial unique index decides a race).
 */
import { and, desc, eq } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { ForbiddenError, invalid, ok, type Result } from '../../../platform/result.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import { AppealInput } from '../forms.ts';
import { appealsOpenAt, projectOrThrow, type Decision, type Project } from '../queries.ts';
import { appealable, appealDeadline } from '../rules.ts';
import { budgetsAppeals, budgetsDecisions } from '../schema.ts';

/** The decision an appeal would be against: the latest eligibility or evaluation decision that holds now. */
export async function appealableDecision(db: Awaited<ReturnType<typeof getDb>>, project: Project) {
	const kind =
		project.eligibility === 'ineligible' ? 'eligibility' : project.evaluation === 'unfeasible' ? 'evaluation' : null;
	if (!kind) return null;
	const [d] = await db
		.select()
		.from(budgetsDecisions)
		.where(and(eq(budgetsDecisions.projectId, project.id), eq(budgetsDecisions.kind, kind)))
		.orderBy(desc(budgetsDecisions.createdAt))
		.limit(1);
	return d && appealable(d) ? (d as Decision) : null;
}

export async function lodgeAppeal(
	actor: Actor,
	{ moduleId, projectId }: { moduleId: string; projectId: string },
	input: AppealInput,
	now: Date = new Date()
): Promise<Result<{ appealId: string }>> {
	const db = await getDb();
	const { ctx } = await budgetsModule(db, moduleId, now);
	authorize(canBudgets(actor, 'appeal', ctx));
	if (!isUser(actor)) throw new Error('unreachable');
	const project = await projectOrThrow(db, moduleId, projectId);
	if (project.authorId !== actor.id) throw new ForbiddenError('budgets_author_only');
	const parsed = AppealInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const decision = await appealableDecision(db, project);
	if (!decision) return invalid({ text: 'budgets_error_nothing_to_appeal' });
	const opens = await appealsOpenAt(db, moduleId, decision.createdAt);
	if (now > appealDeadline(decision.createdAt, ctx.settings.appealDays, opens))
		return invalid({ text: 'budgets_error_appeal_late' });
	const [earlier] = await db
		.select({ id: budgetsAppeals.id })
		.from(budgetsAppeals)
		.where(eq(budgetsAppeals.decisionId, decision.id));
	if (earlier) return invalid({ text: 'budgets_error_appeal_exists' });
	const appeal = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(budgetsAppeals)
			.values({ projectId, authorId: actor.id, decisionId: decision.id, text: parsed.data.text })
			// A second appeal racing the first: the partial unique index (one pending per project) refuses it.
			.onConflictDoNothing()
			.returning();
		if (!row) return null;
		await tx.insert(budgetsDecisions).values({ projectId, kind: 'appeal', outcome: 'lodged', decidedBy: actor.id });
		return row;
	});
	if (!appeal) return invalid({ text: 'budgets_error_appeal_exists' });
	return ok({ appealId: appeal.id });
}
