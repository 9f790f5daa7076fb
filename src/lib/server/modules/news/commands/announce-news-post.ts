/**
 * Tells the process's followers about an announcement once it is public. Claims the post first with a conditional
 * update, so the command and the scheduler (or two schedulers) racing on one post announce it exactly once.
 */
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/index.ts';
import { logger } from '../../../platform/log.ts';
import { notifyFollowers } from '../../../platform/notifications/follows.ts';
import { newsPosts } from '../schema.ts';
import { newsUrl, postWithSpace } from '../queries.ts';
import { indexNewsPost } from '../search.ts';

export const NEWS_ANNOUNCE_JOB = 'news.announce-due';

export async function announceNewsPost(
	db: Db,
	postId: string,
	{ except = [] }: { except?: string[] } = {}
): Promise<{ announced: boolean; notified: number }> {
	const claimed = await db
		.update(newsPosts)
		.set({ announcedAt: sql`now()` })
		.where(and(eq(newsPosts.id, postId), isNull(newsPosts.announcedAt), lte(newsPosts.publishAt, sql`now()`)))
		.returning({ id: newsPosts.id });
	if (!claimed.length) return { announced: false, notified: 0 };
	const row = await postWithSpace(db, postId);
	if (!row) return { announced: false, notified: 0 };
	await indexNewsPost(db, row.post);
	// A post that goes live in a draft process is public to nobody: it is claimed, but nobody is told.
	if (row.spaceStatus !== 'published' || !row.modulePublished) return { announced: true, notified: 0 };
	const { created } = await notifyFollowers(
		db,
		{ resourceType: 'space', resourceId: row.spaceId },
		'news_notification_published',
		{ title: row.post.title },
		newsUrl(row.spaceSlug, row.post.moduleId, row.post.id),
		{ except }
	);
	return { announced: true, notified: created };
}

/** The scheduler's pass: announces every post whose time has come (each claimed once, see above). */
export async function announceDueNews(db: Db): Promise<number> {
	const due = await db
		.select({ id: newsPosts.id })
		.from(newsPosts)
		.where(and(isNull(newsPosts.announcedAt), lte(newsPosts.publishAt, sql`now()`)));
	let count = 0;
	for (const { id } of due) {
		try {
			if ((await announceNewsPost(db, id)).announced) count++;
		} catch (err) {
			logger().error({ err, postId: id }, 'news: announcement failed');
		}
	}
	return count;
}
