/** What every comment command needs first: the comment, the resource it belongs to, and the actor's block state. */
import { isUser, type Actor } from '../actors/actor.ts';
import type { Db } from '../db/index.ts';
import { NotFoundError } from '../result.ts';
import { resolveTarget, type CommentTarget } from './commentables.ts';
import { findComment, isBlocked, type CommentRow } from './queries.ts';

export interface CommentContext {
	comment: CommentRow;
	target: CommentTarget;
	blocked: boolean;
}

export async function commentContext(db: Db, actor: Actor, commentId: string): Promise<CommentContext> {
	const comment = await findComment(db, commentId);
	if (!comment) throw new NotFoundError('comment');
	const target = await resolveTarget(db, actor, comment.resourceType, comment.resourceId);
	if (!target) throw new NotFoundError('comment');
	const blocked = isUser(actor) ? await isBlocked(db, actor.id) : false;
	return { comment, target, blocked };
}

/** The link to a comment inside its resource's page (site path, no locale). */
export const commentLink = (target: CommentTarget, commentId: string) => `${target.url}#comment-${commentId}`;
