/** Reads of comments: one page of threads at a time, their replies, the actor's votes and reports, counts. */
import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { commentBlocks, commentCounts, commentReports, comments, commentVotes } from '../db/schema/comments.ts';
import { user } from '../db/schema/auth.ts';
import type { CommentOrder } from './settings.ts';

export type CommentRow = typeof comments.$inferSelect;

export async function findComment(db: Db, id: string): Promise<CommentRow | undefined> {
	if (!id) return undefined;
	const [row] = await db.select().from(comments).where(eq(comments.id, id));
	return row;
}

/** The comment, locked until the end of the transaction (votes, reports and moderation serialise on it). */
export async function lockComment(db: Db, id: string): Promise<CommentRow | undefined> {
	const [row] = await db.select().from(comments).where(eq(comments.id, id)).for('update');
	return row;
}

export async function isBlocked(db: Db, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ userId: commentBlocks.userId })
		.from(commentBlocks)
		.where(eq(commentBlocks.userId, userId));
	return row !== undefined;
}

export async function countsOf(db: Db, resourceType: string, resourceId: string) {
	const [row] = await db
		.select()
		.from(commentCounts)
		.where(and(eq(commentCounts.resourceType, resourceType), eq(commentCounts.resourceId, resourceId)));
	return {
		total: row?.total ?? 0,
		for: row?.forCount ?? 0,
		against: row?.againstCount ?? 0,
		neutral: row?.neutralCount ?? 0
	};
}

/** Comment counts of many resources of one type at once (for lists of proposals, meetings…). */
export async function commentCountsOf(db: Db, resourceType: string, resourceIds: string[]) {
	if (!resourceIds.length) return new Map<string, number>();
	const rows = await db
		.select({ id: commentCounts.resourceId, total: commentCounts.total })
		.from(commentCounts)
		.where(and(eq(commentCounts.resourceType, resourceType), inArray(commentCounts.resourceId, resourceIds)));
	return new Map(rows.map((r) => [r.id, r.total]));
}

// A comment deleted by its author without replies is gone from the thread; with replies it stays as a placeholder.
const listed = sql`not (${comments.deletedAt} is not null and ${comments.replyCount} = 0)`;

const topLevelOf = (resourceType: string, resourceId: string): SQL =>
	and(eq(comments.resourceType, resourceType), eq(comments.resourceId, resourceId), isNull(comments.parentId), listed)!;

const selection = {
	comment: comments,
	authorName: user.name,
	authorDeleted: user.deletedAt
};

/** Top-level comments of one page, in the chosen order (each order has its own index). */
export async function threadPage(
	db: Db,
	{
		resourceType,
		resourceId,
		order,
		offset,
		limit
	}: { resourceType: string; resourceId: string; order: CommentOrder; offset: number; limit: number }
) {
	const orderBy =
		order === 'newest'
			? [desc(comments.createdAt)]
			: order === 'most_voted'
				? [desc(sql`(${comments.upVotes} - ${comments.downVotes})`), asc(comments.createdAt)]
				: [asc(comments.createdAt)];
	return db
		.select(selection)
		.from(comments)
		.leftJoin(user, eq(user.id, comments.authorId))
		.where(topLevelOf(resourceType, resourceId))
		.orderBy(...orderBy, asc(comments.id))
		.limit(limit)
		.offset(offset);
}

export async function countThreads(db: Db, resourceType: string, resourceId: string): Promise<number> {
	const [row] = await db.select({ n: count() }).from(comments).where(topLevelOf(resourceType, resourceId));
	return row?.n ?? 0;
}

/** Every reply under the given top-level comments, oldest first. */
export async function repliesOf(db: Db, rootIds: string[]) {
	if (!rootIds.length) return [];
	return db
		.select(selection)
		.from(comments)
		.leftJoin(user, eq(user.id, comments.authorId))
		.where(and(inArray(comments.rootId, rootIds), ne(comments.id, comments.rootId), listed))
		.orderBy(asc(comments.createdAt), asc(comments.id));
}

export async function votesBy(db: Db, userId: string, commentIds: string[]) {
	if (!commentIds.length) return new Map<string, number>();
	const rows = await db
		.select({ id: commentVotes.commentId, value: commentVotes.value })
		.from(commentVotes)
		.where(and(eq(commentVotes.userId, userId), inArray(commentVotes.commentId, commentIds)));
	return new Map(rows.map((r) => [r.id, r.value]));
}

export async function reportedBy(db: Db, userId: string, commentIds: string[]) {
	if (!commentIds.length) return new Set<string>();
	const rows = await db
		.select({ id: commentReports.commentId })
		.from(commentReports)
		.where(and(eq(commentReports.userId, userId), inArray(commentReports.commentId, commentIds)));
	return new Set(rows.map((r) => r.id));
}

/** People who wrote in the discussion (mention candidates), with live accounts. */
export async function participantsOf(db: Db, resourceType: string, resourceId: string, extraIds: string[] = []) {
	const rows = await db
		.selectDistinct({ userId: user.id, name: user.name })
		.from(comments)
		.innerJoin(user, eq(user.id, comments.authorId))
		.where(and(eq(comments.resourceType, resourceType), eq(comments.resourceId, resourceId), isNull(user.deletedAt)));
	const extra = extraIds.length
		? await db
				.select({ userId: user.id, name: user.name })
				.from(user)
				.where(and(inArray(user.id, extraIds), isNull(user.deletedAt)))
		: [];
	const byId = new Map([...rows, ...extra].map((r) => [r.userId, r]));
	return [...byId.values()];
}

/** Open reports of the given comments, for moderators. */
export async function openReportsOf(db: Db, commentIds: string[]) {
	if (!commentIds.length) return [];
	return db
		.select({
			commentId: commentReports.commentId,
			reason: commentReports.reason,
			details: commentReports.details,
			createdAt: commentReports.createdAt
		})
		.from(commentReports)
		.where(and(inArray(commentReports.commentId, commentIds), isNull(commentReports.resolution)))
		.orderBy(asc(commentReports.createdAt));
}

/** The moderation queue: comments with open reports or hidden, newest activity first (a partial index keeps it small). */
export async function moderationQueue(
	db: Db,
	{ spaceIds, limit, offset }: { spaceIds: string[] | null; limit: number; offset: number }
) {
	const where = and(
		or(sql`${comments.openReports} > 0`, eq(comments.status, 'hidden')),
		spaceIds ? (spaceIds.length ? inArray(comments.spaceId, spaceIds) : sql`false`) : undefined
	);
	const rows = await db
		.select(selection)
		.from(comments)
		.leftJoin(user, eq(user.id, comments.authorId))
		.where(where)
		.orderBy(desc(comments.openReports), desc(comments.updatedAt))
		.limit(limit)
		.offset(offset);
	const [total] = await db.select({ n: count() }).from(comments).where(where);
	return { rows, total: total?.n ?? 0 };
}

export async function listBlocks(db: Db) {
	return db
		.select({
			userId: commentBlocks.userId,
			name: user.name,
			reason: commentBlocks.reason,
			blockedBy: commentBlocks.blockedBy,
			createdAt: commentBlocks.createdAt
		})
		.from(commentBlocks)
		.innerJoin(user, eq(user.id, commentBlocks.userId))
		.orderBy(desc(commentBlocks.createdAt));
}
