/**
 * A person's comment data for "download my data", and its anonymisation on account deletion: the comments stay
 * (the discussion must still read) but no longer point to the person; votes go (counters follow), reports and
 * blocks forget them, and mentions of them become plain text.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { commentBlocks, commentReports, comments, commentVotes } from '../db/schema/comments.ts';
import type { Row } from '../http/csv.ts';

export async function commentsPersonalData(db: Db, userId: string): Promise<Record<string, Row[]>> {
	const [written, votes, reports, blocks] = await Promise.all([
		db
			.select({
				id: comments.id,
				resourceType: comments.resourceType,
				resourceId: comments.resourceId,
				parentId: comments.parentId,
				alignment: comments.alignment,
				body: comments.body,
				status: comments.status,
				createdAt: comments.createdAt,
				editedAt: comments.editedAt,
				deletedAt: comments.deletedAt
			})
			.from(comments)
			.where(eq(comments.authorId, userId)),
		db
			.select({ commentId: commentVotes.commentId, value: commentVotes.value, createdAt: commentVotes.createdAt })
			.from(commentVotes)
			.where(eq(commentVotes.userId, userId)),
		db
			.select({
				commentId: commentReports.commentId,
				reason: commentReports.reason,
				details: commentReports.details,
				resolution: commentReports.resolution,
				createdAt: commentReports.createdAt
			})
			.from(commentReports)
			.where(eq(commentReports.userId, userId)),
		db
			.select({ reason: commentBlocks.reason, createdAt: commentBlocks.createdAt })
			.from(commentBlocks)
			.where(eq(commentBlocks.userId, userId))
	]);
	return { comments: written, comment_votes: votes, comment_reports: reports, comment_blocks: blocks };
}

export async function anonymizeComments(tx: Db, userId: string): Promise<void> {
	await tx.update(comments).set({ authorId: null }).where(eq(comments.authorId, userId));
	const voted = await tx
		.delete(commentVotes)
		.where(eq(commentVotes.userId, userId))
		.returning({ commentId: commentVotes.commentId });
	const ids = [...new Set(voted.map((v) => v.commentId))];
	if (ids.length)
		await tx
			.update(comments)
			.set({
				upVotes: sql`(select count(*) from ${commentVotes} where ${commentVotes.commentId} = ${comments.id} and ${commentVotes.value} = 1)::int`,
				downVotes: sql`(select count(*) from ${commentVotes} where ${commentVotes.commentId} = ${comments.id} and ${commentVotes.value} = -1)::int`
			})
			.where(inArray(comments.id, ids));
	await tx.update(commentReports).set({ userId: null }).where(eq(commentReports.userId, userId));
	await tx.delete(commentBlocks).where(eq(commentBlocks.userId, userId));
	await tx
		.update(comments)
		.set({
			mentions: sql`coalesce((select jsonb_agg(m) from jsonb_array_elements(${comments.mentions}) m where m->>'userId' <> ${userId}), '[]'::jsonb)`
		})
		.where(sql`${comments.mentions} @> ${JSON.stringify([{ userId }])}::jsonb`);
}
