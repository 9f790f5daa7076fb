/** Reads of announcements. "Public" = published (publishAt passed) in a published module of a published space. */
import { and, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/index.ts';
import { moduleInstances, spaces } from '../../platform/db/schema.ts';
import { newsPosts } from './schema.ts';

export type NewsPost = typeof newsPosts.$inferSelect;

export const newsUrl = (spaceSlug: string, moduleId: string, postId?: string) =>
	`/processes/${spaceSlug}/news/${moduleId}${postId ? `/${postId}` : ''}`;

export const isPublished = (p: Pick<NewsPost, 'publishAt'>, now = new Date()) =>
	p.publishAt !== null && p.publishAt.getTime() <= now.getTime();

/** Published announcements of a module, pinned first then newest, one page of them, and how many there are. */
export async function listPublished(db: Db, moduleId: string, { page, perPage }: { page: number; perPage: number }) {
	const where = and(
		eq(newsPosts.moduleId, moduleId),
		isNotNull(newsPosts.publishAt),
		lte(newsPosts.publishAt, sql`now()`)
	);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select()
			.from(newsPosts)
			.where(where)
			.orderBy(desc(newsPosts.pinned), desc(newsPosts.publishAt), desc(newsPosts.id))
			.limit(perPage)
			.offset((page - 1) * perPage),
		db
			.select({ total: sql<number>`count(*)::int` })
			.from(newsPosts)
			.where(where)
	]);
	return { rows, total };
}

/** Every announcement of a module (drafts and scheduled too), for staff. */
export const listAll = (db: Db, moduleId: string): Promise<NewsPost[]> =>
	db
		.select()
		.from(newsPosts)
		.where(eq(newsPosts.moduleId, moduleId))
		.orderBy(sql`${newsPosts.publishAt} desc nulls first`, desc(newsPosts.createdAt));

export async function findPost(db: Db | Tx, moduleId: string, postId: string): Promise<NewsPost | undefined> {
	const [row] = await db
		.select()
		.from(newsPosts)
		.where(and(eq(newsPosts.moduleId, moduleId), eq(newsPosts.id, postId)));
	return row;
}

/** Posts of several modules with their space, and whether the post is public right now. */
export async function postsWithSpace(db: Db, moduleIds: string[]) {
	if (!moduleIds.length) return [];
	return db
		.select({
			post: newsPosts,
			spaceId: spaces.id,
			spaceSlug: spaces.slug,
			public: sql<boolean>`(${spaces.status} = 'published' and ${moduleInstances.published} and ${newsPosts.publishAt} is not null and ${newsPosts.publishAt} <= now())`
		})
		.from(newsPosts)
		.innerJoin(moduleInstances, eq(moduleInstances.id, newsPosts.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(inArray(newsPosts.moduleId, moduleIds))
		.orderBy(desc(newsPosts.publishAt));
}

/** One post with its space, by id alone (comments, follows, the scheduler). */
export async function postWithSpace(db: Db | Tx, postId: string) {
	const [row] = await db
		.select({
			post: newsPosts,
			spaceId: spaces.id,
			spaceSlug: spaces.slug,
			spaceStatus: spaces.status,
			modulePublished: moduleInstances.published
		})
		.from(newsPosts)
		.innerJoin(moduleInstances, eq(moduleInstances.id, newsPosts.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(eq(newsPosts.id, postId));
	return row;
}
