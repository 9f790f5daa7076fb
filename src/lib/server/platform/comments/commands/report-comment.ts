/**
 * A person reports a comment (one report per person and comment). After COMMENTS_REPORTS_TO_HIDE open reports the
 * comment is hidden automatically until a moderator decides.
 */
import { eq, sql } from 'drizzle-orm';
import type { Actor, UserActor } from '../../actors/actor.ts';
import { getDb } from '../../db/index.ts';
import { commentReports, comments } from '../../db/schema/comments.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { commentContext } from '../context.ts';
import { adjustCounts, counted } from '../counts.ts';
import { ReportInput } from '../forms.ts';
import { canReport } from '../policy.ts';
import { lockComment } from '../queries.ts';
import { reportsToHide } from '../settings.ts';

export async function reportComment(
	actor: Actor,
	commentId: string,
	input: ReportInput
): Promise<Result<{ reported: boolean; hidden: boolean }>> {
	const db = await getDb();
	const { comment, target } = await commentContext(db, actor, commentId);
	authorize(canReport(actor, target, comment));
	const userId = (actor as UserActor).id;
	const form = ReportInput.safeParse(input);
	if (!form.success) return invalid(form.error);
	const result = await db.transaction(async (tx) => {
		const current = await lockComment(tx, commentId);
		if (!current) throw new NotFoundError('comment');
		const inserted = await tx
			.insert(commentReports)
			.values({ commentId, userId, reason: form.data.reason, details: form.data.details })
			.onConflictDoNothing()
			.returning({ id: commentReports.id });
		if (!inserted.length) return { reported: false, hidden: current.status === 'hidden' };
		const open = current.openReports + 1;
		const hide = current.status === 'visible' && open >= reportsToHide();
		await tx
			.update(comments)
			.set({
				openReports: sql`${comments.openReports} + 1`,
				...(hide
					? { status: 'hidden', autoHidden: true, hiddenAt: new Date(), hiddenReason: null, hiddenBy: null }
					: {})
			})
			.where(eq(comments.id, commentId));
		if (hide && counted(current)) await adjustCounts(tx, current, current.alignment, -1);
		return { reported: true, hidden: hide || current.status === 'hidden' };
	});
	return ok(result);
}
