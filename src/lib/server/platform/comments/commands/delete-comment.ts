/**
 * The author deletes a comment. Its text goes; with replies it stays as a "deleted" placeholder, without replies it
 * leaves the thread (and a deleted parent left with no replies leaves with it).
 */
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { getDb, type Db } from '../../db/index.ts';
import { comments, commentVersions } from '../../db/schema/comments.ts';
import { authorize } from '../../permissions/index.ts';
import { NotFoundError, ok, type Result } from '../../result.ts';
import { commentContext } from '../context.ts';
import { adjustCounts, counted } from '../counts.ts';
import { canDelete } from '../policy.ts';
import { lockComment } from '../queries.ts';

export async function deleteComment(actor: Actor, commentId: string): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { comment, target } = await commentContext(db, actor, commentId);
	authorize(canDelete(actor, target, comment));
	await db.transaction(async (tx) => {
		const current = await lockComment(tx, commentId);
		if (!current) throw new NotFoundError('comment');
		authorize(canDelete(actor, target, current));
		await tx.update(comments).set({ deletedAt: new Date(), body: '', mentions: [] }).where(eq(comments.id, commentId));
		// The person asked for their words to go: earlier versions go too.
		await tx.delete(commentVersions).where(eq(commentVersions.commentId, commentId));
		if (counted(current)) await adjustCounts(tx, current, current.alignment, -1);
		if (current.replyCount === 0) await leaveThread(tx, current.parentId);
	});
	return ok({ id: commentId });
}

/** A comment left the thread: its parent has one reply fewer, and a deleted parent without replies leaves too. */
async function leaveThread(tx: Db, parentId: string | null): Promise<void> {
	for (let id = parentId; id;) {
		const [parent] = await tx
			.update(comments)
			.set({ replyCount: sql`greatest(${comments.replyCount} - 1, 0)` })
			.where(eq(comments.id, id))
			.returning({ parentId: comments.parentId, replyCount: comments.replyCount, deletedAt: comments.deletedAt });
		id = parent && parent.deletedAt && parent.replyCount === 0 ? parent.parentId : null;
	}
}
