/** Evaluation is per proposal: staff evaluate any; an evaluator only the proposals assigned to them. */
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import type { Db } from '../../platform/db/index.ts';
import { allow, deny, type Decision } from '../../platform/permissions/index.ts';
import { managesProposals, type ProposalsContext } from './permissions.ts';
import { isAssigned } from './queries.ts';

export async function canEvaluateProposal(
	db: Db,
	actor: Actor,
	ctx: ProposalsContext,
	proposalId: string
): Promise<Decision> {
	if (managesProposals(actor, ctx.space.id)) return allow;
	if (isUser(actor) && (await isAssigned(db, proposalId, actor.id))) return allow;
	return deny('proposals_not_assigned');
}
