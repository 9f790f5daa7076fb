/** Loads a proposals module with its typed permission context, and the proposal a command is about. */
import type { Actor } from '../../platform/actors/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { can, loadModule } from '../../platform/modules/runtime.ts';
import type { Decision } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { proposals } from './manifest.ts';
import type { ProposalsAction, ProposalsContext } from './permissions.ts';
import { findProposal } from './queries.ts';

export async function proposalsModule(db: Db, moduleId: string, now: Date = new Date()) {
	const { ctx, instance } = await loadModule(db, proposals, moduleId, now);
	return { ctx: ctx as ProposalsContext, instance };
}

export const canProposals = (actor: Actor, action: ProposalsAction, ctx: ProposalsContext): Decision =>
	can(actor, action, ctx, proposals);

export async function proposalOrThrow(db: Db, moduleId: string, proposalId: string) {
	const proposal = await findProposal(db, moduleId, proposalId);
	if (!proposal) throw new NotFoundError('proposal');
	return proposal;
}
