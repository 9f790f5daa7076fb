/** Rules about one proposal that do not need the database: who may edit or withdraw it, and whether it qualified. */
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import { allow, deny, type Decision } from '../../platform/permissions/index.ts';

interface ProposalState {
	authorId: string | null;
	state: string;
	withdrawnAt: Date | null;
	createdAt: Date;
}

const isAuthor = (actor: Actor, p: ProposalState) => isUser(actor) && p.authorId === actor.id;

/** The author edits until the edit window closes, and never once staff answered or the author withdrew. */
export function editDecision(
	actor: Actor,
	p: ProposalState,
	settings: { editWindowMinutes: number },
	now: Date = new Date()
): Decision {
	if (!isAuthor(actor, p)) return deny('proposals_author_only');
	if (p.withdrawnAt) return deny('proposals_withdrawn');
	if (p.state !== 'published') return deny('proposals_answered');
	const closes = p.createdAt.getTime() + settings.editWindowMinutes * 60_000;
	return now.getTime() < closes ? allow : deny('proposals_edit_window_closed');
}

/** The author withdraws until a final answer (accepted or rejected) is given. */
export function withdrawDecision(actor: Actor, p: ProposalState): Decision {
	if (!isAuthor(actor, p)) return deny('proposals_author_only');
	if (p.withdrawnAt) return deny('proposals_withdrawn');
	return p.state === 'accepted' || p.state === 'rejected' ? deny('proposals_answered') : allow;
}

/** When the edit window closes, or null when it already has. */
export function editableUntil(p: { createdAt: Date }, settings: { editWindowMinutes: number }, now = new Date()) {
	const until = new Date(p.createdAt.getTime() + settings.editWindowMinutes * 60_000);
	return until > now ? until : null;
}

export const isQualified = (supports: number, threshold: number) => threshold > 0 && supports >= threshold;
