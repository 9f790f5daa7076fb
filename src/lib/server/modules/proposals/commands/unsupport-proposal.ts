/** A person takes back their support (while supports are open); the counter moves in the same transaction. */
import { and, eq, sql } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { canProposals, proposalOrThrow, proposalsModule } from '../context.ts';
import { proposalsProposals, proposalsSupports } from '../schema.ts';
import { lockSupporter } from './support-proposal.ts';

export async function unsupportProposal(
	actor: Actor,
	{ moduleId, proposalId }: { moduleId: string; proposalId: string }
): Promise<Result<{ supportsCount: number }>> {
	const db = await getDb();
	const { ctx } = await proposalsModule(db, moduleId);
	authorize(canProposals(actor, 'support', ctx));
	if (!isUser(actor)) throw new Error('unreachable: support is for signed-in people');
	const proposal = await proposalOrThrow(db, moduleId, proposalId);
	return db.transaction(async (tx) => {
		await lockSupporter(tx, moduleId, actor.id);
		const deleted = await tx
			.delete(proposalsSupports)
			.where(and(eq(proposalsSupports.proposalId, proposalId), eq(proposalsSupports.userId, actor.id)))
			.returning({ proposalId: proposalsSupports.proposalId });
		if (!deleted.length) return ok({ supportsCount: proposal.supportsCount });
		const [row] = await tx
			.update(proposalsProposals)
			.set({ supportsCount: sql`${proposalsProposals.supportsCount} - 1` })
			.where(eq(proposalsProposals.id, proposalId))
			.returning({ supportsCount: proposalsProposals.supportsCount });
		return ok({ supportsCount: row.supportsCount });
	});
}
