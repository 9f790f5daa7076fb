/** A moderator hides a comment with a reason (also confirming an automatic hide); open reports are resolved, the author is told. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { commentReports, comments } from '../../db/schema/comments.ts';
import { logger } from '../../log.ts';
import { notify } from '../../notifications/notify.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { commentContext, commentLink } from '../context.ts';
import { adjustCounts, counted } from '../counts.ts';
import { ReasonInput } from '../forms.ts';
import { canModerate } from '../policy.ts';
import { lockComment } from '../queries.ts';

export async function hideComment(
	actor: Actor,
	commentId: string,
	input: ReasonInput
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { comment, target } = await commentContext(db, actor, commentId);
	authorize(canModerate(actor, comment.spaceId));
	const form = ReasonInput.safeParse(input);
	if (!form.success) return invalid(form.error);
	const moderatorId = actor.kind === 'user' ? actor.id : null;
	const authorId = await db.transaction(async (tx) => {
		const current = await lockComment(tx, commentId);
		if (!current) throw new NotFoundError('comment');
		const now = new Date();
		await tx
			.update(comments)
			.set({
				status: 'hidden',
				autoHidden: false,
				hiddenReason: form.data.reason,
				hiddenAt: now,
				hiddenBy: moderatorId,
				openReports: 0
			})
			.where(eq(comments.id, commentId));
		await tx
			.update(commentReports)
			.set({ resolution: 'hidden', resolvedAt: now, resolvedBy: moderatorId })
			.where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolution)));
		if (counted(current)) await adjustCounts(tx, current, current.alignment, -1);
		await recordAction(tx, actor, {
			action: 'comment.hide',
			resourceType: 'comment',
			resourceId: commentId,
			spaceId: current.spaceId,
			data: { reason: form.data.reason, wasAutoHidden: current.autoHidden, reports: current.openReports }
		});
		return current.authorId;
	});
	if (authorId && authorId !== moderatorId)
		await notify(db, {
			userIds: [authorId],
			key: 'comments_notification_hidden',
			data: { title: target.title, reason: form.data.reason },
			link: commentLink(target, commentId)
		}).catch((err) => logger().error({ err, commentId }, 'comments: author not told of hiding'));
	return ok({ id: commentId });
}
