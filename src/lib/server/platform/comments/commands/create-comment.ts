/** A person writes a comment on a resource, or a reply in one of its threads; the people concerned are told. */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { isUser, type Actor, type UserActor } from '../../actors/actor.ts';
import { getDb } from '../../db/index.ts';
import { comments } from '../../db/schema/comments.ts';
import { hitRateLimit } from '../../http/rate-limit.ts';
import { logger } from '../../log.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { parseMentions } from '../body.ts';
import { resolveTarget } from '../commentables.ts';
import { adjustCounts } from '../counts.ts';
import { CommentInput } from '../forms.ts';
import { noticeNewComment } from '../notices.ts';
import { canWrite } from '../policy.ts';
import { findComment, isBlocked, participantsOf } from '../queries.ts';
import { commentRate } from '../settings.ts';
import { placeComment } from '../threading.ts';

export interface CommentRef {
	/** The resource commented on; a reply may leave them out (they come from the comment replied to). */
	resourceType?: string;
	resourceId?: string;
	/** The comment replied to, if any. */
	parentId?: string | null;
}

export async function createComment(
	actor: Actor,
	ref: CommentRef,
	input: CommentInput
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const parent = ref.parentId ? await findComment(db, ref.parentId) : null;
	if (ref.parentId && !parent) throw new NotFoundError('comment');
	const resource = {
		resourceType: parent?.resourceType ?? ref.resourceType ?? '',
		resourceId: parent?.resourceId ?? ref.resourceId ?? ''
	};
	if (parent && ref.resourceType && (ref.resourceType !== parent.resourceType || ref.resourceId !== parent.resourceId))
		throw new NotFoundError('comment');
	const target = await resolveTarget(db, actor, resource.resourceType, resource.resourceId);
	if (!target) throw new NotFoundError('resource');
	authorize(canWrite(actor, target, isUser(actor) && (await isBlocked(db, actor.id))));
	const writer = actor as UserActor;
	const form = CommentInput.safeParse(input);
	if (!form.success) return invalid(form.error);
	if (parent && (parent.deletedAt || parent.status === 'hidden'))
		return invalid({ _form: 'comments_error_reply_closed' });
	const rate = await hitRateLimit(commentRate, writer.id);
	if (!rate.allowed) return invalid({ _form: 'comments_error_rate_limited' });
	const candidates = await participantsOf(db, resource.resourceType, resource.resourceId, target.authorIds);
	const mentions = parseMentions(form.data.body, candidates).filter((m) => m.userId !== writer.id);
	const id = randomUUID();
	const position = placeComment(id, parent ?? null);
	await db.transaction(async (tx) => {
		await tx.insert(comments).values({
			id,
			...resource,
			spaceId: target.spaceId,
			moduleId: target.moduleId,
			...position,
			authorId: writer.id,
			alignment: form.data.alignment,
			body: form.data.body,
			mentions
		});
		if (position.parentId)
			await tx
				.update(comments)
				.set({ replyCount: sql`${comments.replyCount} + 1` })
				.where(eq(comments.id, position.parentId));
		await adjustCounts(tx, resource, form.data.alignment, 1);
	});
	await noticeNewComment(db, {
		target,
		resource,
		commentId: id,
		writerId: writer.id,
		writerName: writer.name,
		mentionedIds: mentions.map((m) => m.userId),
		repliedToAuthorId: parent?.authorId ?? null
	}).catch((err) => logger().error({ err, commentId: id }, 'comments: notifications not sent'));
	return ok({ id });
}
