/** Staff remove an evaluator from a proposal (their notes stay). */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { canProposals, proposalOrThrow, proposalsModule } from '../context.ts';
import { proposalsEvaluators } from '../schema.ts';

export async function unassignEvaluator(
	actor: Actor,
	{ moduleId, proposalId }: { moduleId: string; proposalId: string },
	{ userId }: { userId: string }
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx, instance } = await proposalsModule(db, moduleId);
	authorize(canProposals(actor, 'manage', ctx));
	await proposalOrThrow(db, moduleId, proposalId);
	await db.transaction(async (tx) => {
		const rows = await tx
			.delete(proposalsEvaluators)
			.where(and(eq(proposalsEvaluators.proposalId, proposalId), eq(proposalsEvaluators.userId, userId)))
			.returning({ userId: proposalsEvaluators.userId });
		if (rows.length)
			await recordAction(tx, actor, {
				action: 'proposal.unassign_evaluator',
				resourceType: 'proposal',
				resourceId: proposalId,
				spaceId: instance.spaceId,
				data: { moduleId, evaluatorId: userId }
			});
	});
	return ok(null);
}
