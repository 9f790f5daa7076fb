/** A moderator shows a hidden comment again (a wrong automatic hide, or a decision reversed); open reports are dismissed. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { commentReports, comments } from '../../db/schema/comments.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { commentContext } from '../context.ts';
import { adjustCounts } from '../counts.ts';
import { canModerate } from '../policy.ts';
import { lockComment } from '../queries.ts';

export async function restoreComment(actor: Actor, commentId: string): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { comment } = await commentContext(db, actor, commentId);
	authorize(canModerate(actor, comment.spaceId));
	const moderatorId = actor.kind === 'user' ? actor.id : null;
	const done = await db.transaction(async (tx) => {
		const current = await lockComment(tx, commentId);
		if (!current) throw new NotFoundError('comment');
		if (current.status !== 'hidden') return false;
		await tx
			.update(comments)
			.set({ status: 'visible', autoHidden: false, hiddenReason: null, hiddenAt: null, hiddenBy: null, openReports: 0 })
			.where(eq(comments.id, commentId));
		await tx
			.update(commentReports)
			.set({ resolution: 'restored', resolvedAt: new Date(), resolvedBy: moderatorId })
			.where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolution)));
		if (!current.deletedAt) await adjustCounts(tx, current, current.alignment, 1);
		await recordAction(tx, actor, {
			action: 'comment.restore',
			resourceType: 'comment',
			resourceId: commentId,
			spaceId: current.spaceId,
			data: { wasAutoHidden: current.autoHidden, hiddenReason: current.hiddenReason }
		});
		return true;
	});
	return done ? ok({ id: commentId }) : invalid({ _form: 'comments_error_not_hidden' });
}
