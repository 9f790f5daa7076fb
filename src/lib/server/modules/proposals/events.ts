/** The public history of a proposal: each change appends one event in the transaction that made it. */
import type { Db, Tx } from '../../platform/db/index.ts';
import { proposalsEvents } from './schema.ts';

export const proposalEventKinds = ['created', 'edited', 'withdrawn', 'qualified', 'answered', 'linked'] as const;
export type ProposalEventKind = (typeof proposalEventKinds)[number];

export async function recordProposalEvent(
	db: Db | Tx,
	proposalId: string,
	kind: ProposalEventKind,
	data: Record<string, unknown> = {}
): Promise<void> {
	await db.insert(proposalsEvents).values({ proposalId, kind, data });
}
