/** A moderator decides a reported comment is fine: its open reports are dismissed (and an automatic hide is lifted). */
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { commentReports, comments } from '../../db/schema/comments.ts';
import { authorize } from '../../permissions/index.ts';
import { NotFoundError, ok, type Result } from '../../result.ts';
import { commentContext } from '../context.ts';
import { adjustCounts } from '../counts.ts';
import { canModerate } from '../policy.ts';
import { lockComment } from '../queries.ts';

export async function dismissReports(actor: Actor, commentId: string): Promise<Result<{ dismissed: number }>> {
	const db = await getDb();
	const { comment } = await commentContext(db, actor, commentId);
	authorize(canModerate(actor, comment.spaceId));
	const moderatorId = actor.kind === 'user' ? actor.id : null;
	const dismissed = await db.transaction(async (tx) => {
		const current = await lockComment(tx, commentId);
		if (!current) throw new NotFoundError('comment');
		const rows = await tx
			.update(commentReports)
			.set({ resolution: 'dismissed', resolvedAt: new Date(), resolvedBy: moderatorId })
			.where(and(eq(commentReports.commentId, commentId), isNull(commentReports.resolution)))
			.returning({ id: commentReports.id });
		const unhide = current.status === 'hidden' && current.autoHidden;
		await tx
			.update(comments)
			.set({ openReports: 0, ...(unhide ? { status: 'visible', autoHidden: false, hiddenAt: null } : {}) })
			.where(eq(comments.id, commentId));
		if (unhide && !current.deletedAt) await adjustCounts(tx, current, current.alignment, 1);
		await recordAction(tx, actor, {
			action: 'comment.dismiss_reports',
			resourceType: 'comment',
			resourceId: commentId,
			spaceId: current.spaceId,
			data: { reports: rows.length, unhidden: unhide }
		});
		return rows.length;
	});
	return ok({ dismissed });
}
