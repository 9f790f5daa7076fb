/** The author withdraws their proposal: it stays readable (marked withdrawn) but takes no more supports. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { canProposals, proposalOrThrow, proposalsModule } from '../context.ts';
import { recordProposalEvent } from '../events.ts';
import { withdrawDecision } from '../rules.ts';
import { proposalsProposals } from '../schema.ts';

export async function withdrawProposal(
	actor: Actor,
	{ moduleId, proposalId }: { moduleId: string; proposalId: string }
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx } = await proposalsModule(db, moduleId);
	const proposal = await proposalOrThrow(db, moduleId, proposalId);
	authorize(canProposals(actor, 'read', ctx));
	authorize(withdrawDecision(actor, proposal));
	await db.transaction(async (tx) => {
		// Only the first of two racing withdrawals records the event.
		const [row] = await tx
			.update(proposalsProposals)
			.set({ withdrawnAt: new Date() })
			.where(and(eq(proposalsProposals.id, proposalId), isNull(proposalsProposals.withdrawnAt)))
			.returning({ id: proposalsProposals.id });
		if (row) await recordProposalEvent(tx, proposalId, 'withdrawn');
	});
	return ok(null);
}
