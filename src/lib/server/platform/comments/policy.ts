/** Who may do what with comments, on top of what the resource's module decides (its CommentTarget). */
import { hasSpaceRole, isUser, type Actor } from '../actors/actor.ts';
import { canAdmin } from '../permissions/admin-policy.ts';
import { allow, deny, type Decision } from '../permissions/index.ts';
import type { CommentTarget } from './commentables.ts';

/** Platform moderators and admins (roles in force), and the moderators and admins of the comment's space. */
export function canModerate(actor: Actor, spaceId: string | null): Decision {
	if (canAdmin(actor, 'comments.moderate').allowed) return allow;
	if (spaceId && (hasSpaceRole(actor, spaceId, 'moderator') || hasSpaceRole(actor, spaceId, 'admin'))) return allow;
	if (isUser(actor) && actor.pendingRoles.length) return deny('two_factor_required');
	return deny('comments_moderate_forbidden');
}

/** Blocking is platform-wide, so only platform moderators and admins may block or unblock a person. */
export function canBlock(actor: Actor): Decision {
	if (canAdmin(actor, 'comments.moderate').allowed) return allow;
	if (isUser(actor) && actor.pendingRoles.length) return deny('two_factor_required');
	return deny('comments_block_forbidden');
}

/** Whether the actor sees the moderation queue at all (some space's moderator, or a platform moderator). */
export function canSeeModerationQueue(actor: Actor): Decision {
	if (canBlock(actor).allowed) return allow;
	if (isUser(actor) && Object.values(actor.spaceRoles).some((rs) => rs.includes('moderator') || rs.includes('admin')))
		return allow;
	return deny('comments_moderate_forbidden');
}

/** Writing a comment or a reply. */
export function canWrite(actor: Actor, target: CommentTarget, blocked: boolean): Decision {
	if (!isUser(actor)) return deny('sign_in_required');
	if (!target.canRead.allowed) return target.canRead;
	if (!target.canComment.allowed) return target.canComment;
	if (blocked) return deny('comments_blocked');
	return allow;
}

interface CommentState {
	authorId: string | null;
	deletedAt: Date | null;
	status: string;
}

const isAuthor = (actor: Actor, c: CommentState) => isUser(actor) && c.authorId !== null && c.authorId === actor.id;

export function canEdit(actor: Actor, target: CommentTarget, c: CommentState, blocked: boolean): Decision {
	if (!isAuthor(actor, c)) return deny('comments_not_author');
	if (c.deletedAt) return deny('comments_deleted');
	if (c.status === 'hidden') return deny('comments_hidden');
	return canWrite(actor, target, blocked);
}

/** Authors may always remove what they wrote while they can still see it. */
export function canDelete(actor: Actor, target: CommentTarget, c: CommentState): Decision {
	if (!isAuthor(actor, c)) return deny('comments_not_author');
	if (c.deletedAt) return deny('comments_deleted');
	return target.canRead;
}

export function canVote(actor: Actor, target: CommentTarget, c: CommentState, blocked: boolean): Decision {
	if (isAuthor(actor, c)) return deny('comments_own_comment');
	if (c.deletedAt || c.status === 'hidden') return deny('comments_hidden');
	return canWrite(actor, target, blocked);
}

/** Reporting stays possible while the comment is readable, even when new comments are closed. */
export function canReport(actor: Actor, target: CommentTarget, c: CommentState): Decision {
	if (!isUser(actor)) return deny('sign_in_required');
	if (!target.canRead.allowed) return target.canRead;
	if (isAuthor(actor, c)) return deny('comments_own_comment');
	if (c.deletedAt) return deny('comments_deleted');
	return allow;
}
