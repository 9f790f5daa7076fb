/**
 * A person supports a proposal. Idempotent (one support per person and proposal, by primary key); the per-person
 * limit holds under concurrency because each person's supports in a module are serialised by an advisory lock; the
 * counter on the proposal moves in the same transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { getDb, type Tx } from '../../../platform/db/index.ts';
import { authorize, deny } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { canProposals, proposalOrThrow, proposalsModule } from '../context.ts';
import { recordProposalEvent } from '../events.ts';
import { isQualified } from '../rules.ts';
import { proposalsProposals, proposalsSupports } from '../schema.ts';

/** Serialises one person's supports in one module (released at commit). */
export const lockSupporter = (tx: Tx, moduleId: string, userId: string) =>
	tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`proposals:${moduleId}:${userId}`}, 0))`);

export async function supportProposal(
	actor: Actor,
	{ moduleId, proposalId }: { moduleId: string; proposalId: string }
): Promise<Result<{ supportsCount: number }>> {
	const db = await getDb();
	const { ctx } = await proposalsModule(db, moduleId);
	authorize(canProposals(actor, 'support', ctx));
	if (!isUser(actor)) throw new Error('unreachable: support is for signed-in people');
	const proposal = await proposalOrThrow(db, moduleId, proposalId);
	if (proposal.withdrawnAt) authorize(deny('proposals_withdrawn'));
	const { supportLimit, threshold } = ctx.phaseSettings;
	return db.transaction(async (tx) => {
		await lockSupporter(tx, moduleId, actor.id);
		const [{ given, already }] = await tx
			.select({
				given: sql<number>`count(*)::int`,
				already: sql<boolean>`coalesce(bool_or(${proposalsSupports.proposalId} = ${proposalId}), false)`
			})
			.from(proposalsSupports)
			.where(and(eq(proposalsSupports.moduleId, moduleId), eq(proposalsSupports.userId, actor.id)));
		if (already) return ok({ supportsCount: proposal.supportsCount });
		if (supportLimit > 0 && given >= supportLimit) return invalid({ _form: 'proposals_error_support_limit' });
		const inserted = await tx
			.insert(proposalsSupports)
			.values({ proposalId, userId: actor.id, moduleId })
			.onConflictDoNothing()
			.returning({ proposalId: proposalsSupports.proposalId });
		if (!inserted.length) return ok({ supportsCount: proposal.supportsCount });
		const [row] = await tx
			.update(proposalsProposals)
			.set({ supportsCount: sql`${proposalsProposals.supportsCount} + 1` })
			.where(eq(proposalsProposals.id, proposalId))
			.returning({ supportsCount: proposalsProposals.supportsCount });
		// The support that crosses the threshold is the moment the proposal qualifies (once, in its history).
		if (isQualified(row.supportsCount, threshold) && !isQualified(row.supportsCount - 1, threshold))
			await recordProposalEvent(tx, proposalId, 'qualified', { threshold });
		return ok({ supportsCount: row.supportsCount });
	});
}
