/** The author changes a comment's text or alignment; the earlier text is kept for moderators and the comment is marked edited. */
import { eq } from 'drizzle-orm';
import type { Actor, UserActor } from '../../actors/actor.ts';
import { getDb } from '../../db/index.ts';
import { comments, commentVersions } from '../../db/schema/comments.ts';
import { logger } from '../../log.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { parseMentions } from '../body.ts';
import { commentContext } from '../context.ts';
import { adjustCounts, counted } from '../counts.ts';
import { CommentInput } from '../forms.ts';
import { noticeMentions } from '../notices.ts';
import { canEdit } from '../policy.ts';
import { lockComment, participantsOf } from '../queries.ts';

export async function editComment(
	actor: Actor,
	commentId: string,
	input: CommentInput
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { comment, target, blocked } = await commentContext(db, actor, commentId);
	authorize(canEdit(actor, target, comment, blocked));
	const writer = actor as UserActor;
	const form = CommentInput.safeParse(input);
	if (!form.success) return invalid(form.error);
	const candidates = await participantsOf(db, comment.resourceType, comment.resourceId, target.authorIds);
	const mentions = parseMentions(form.data.body, candidates).filter((m) => m.userId !== writer.id);
	const before = new Set(comment.mentions.map((m) => m.userId));
	const changed = await db.transaction(async (tx) => {
		const current = await lockComment(tx, commentId);
		if (!current) throw new NotFoundError('comment');
		// Re-checked under the lock: a moderator may have hidden it, or the author deleted it in another tab.
		authorize(canEdit(actor, target, current, blocked));
		if (current.body === form.data.body && current.alignment === form.data.alignment) return false;
		await tx.insert(commentVersions).values({
			commentId,
			body: current.body,
			alignment: current.alignment,
			writtenAt: current.editedAt ?? current.createdAt
		});
		await tx
			.update(comments)
			.set({ body: form.data.body, alignment: form.data.alignment, mentions, editedAt: new Date() })
			.where(eq(comments.id, commentId));
		if (counted(current) && current.alignment !== form.data.alignment) {
			await adjustCounts(tx, current, current.alignment, -1);
			await adjustCounts(tx, current, form.data.alignment, 1);
		}
		return true;
	});
	if (changed)
		await noticeMentions(db, {
			target,
			commentId,
			writerId: writer.id,
			writerName: writer.name,
			userIds: mentions.map((m) => m.userId).filter((id) => !before.has(id))
		}).catch((err) => logger().error({ err, commentId }, 'comments: mentions not notified'));
	return ok({ id: commentId });
}
