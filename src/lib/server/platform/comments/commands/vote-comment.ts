/** A person votes a comment up or down, changes the vote or takes it back; one vote per person (primary key). */
import { and, eq, sql } from 'drizzle-orm';
import type { Actor, UserActor } from '../../actors/actor.ts';
import { getDb } from '../../db/index.ts';
import { comments, commentVotes } from '../../db/schema/comments.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { commentContext } from '../context.ts';
import { VoteInput } from '../forms.ts';
import { canVote } from '../policy.ts';
import { lockComment } from '../queries.ts';

export async function voteComment(
	actor: Actor,
	commentId: string,
	vote: VoteInput
): Promise<Result<{ value: -1 | 0 | 1 }>> {
	const db = await getDb();
	const { comment, target, blocked } = await commentContext(db, actor, commentId);
	authorize(canVote(actor, target, comment, blocked));
	const userId = (actor as UserActor).id;
	const parsed = VoteInput.safeParse(vote);
	if (!parsed.success) return invalid({ vote: 'comments_error_vote' });
	const value = parsed.data === 'up' ? 1 : parsed.data === 'down' ? -1 : 0;
	await db.transaction(async (tx) => {
		// The comment row lock serialises every vote on it, so two clicks at once count once.
		const current = await lockComment(tx, commentId);
		if (!current) throw new NotFoundError('comment');
		const mine = and(eq(commentVotes.commentId, commentId), eq(commentVotes.userId, userId));
		const [existing] = await tx.select({ value: commentVotes.value }).from(commentVotes).where(mine);
		const previous = existing?.value ?? 0;
		if (previous === value) return;
		if (value === 0) await tx.delete(commentVotes).where(mine);
		else
			await tx
				.insert(commentVotes)
				.values({ commentId, userId, value })
				.onConflictDoUpdate({ target: [commentVotes.commentId, commentVotes.userId], set: { value } });
		const up = (value === 1 ? 1 : 0) - (previous === 1 ? 1 : 0);
		const down = (value === -1 ? 1 : 0) - (previous === -1 ? 1 : 0);
		await tx
			.update(comments)
			.set({ upVotes: sql`${comments.upVotes} + ${up}`, downVotes: sql`${comments.downVotes} + ${down}` })
			.where(eq(comments.id, commentId));
	});
	return ok({ value: value as -1 | 0 | 1 });
}
