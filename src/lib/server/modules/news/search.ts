/** Search documents of announcements: public once published in a public process; staff-only before. */
import type { Db } from '../../platform/db/index.ts';
import type { Translated } from '../../platform/db/columns.ts';
import { indexResource } from '../../platform/search/index-documents.ts';
import { markdownToText } from '../../platform/text/markdown.ts';
import { newsUrl, postsWithSpace, type NewsPost } from './queries.ts';

const texts = (body: Translated): Translated =>
	Object.fromEntries(Object.entries(body).map(([l, md]) => [l, markdownToText(md ?? '')])) as Translated;

export async function newsDocuments(db: Db, moduleIds: string[]) {
	const rows = await postsWithSpace(db, moduleIds);
	return rows.flatMap(({ post, spaceId, spaceSlug, public: isPublic }) =>
		Object.entries(post.title)
			.filter(([, t]) => t?.trim())
			.map(([locale, title]) => ({
				resourceId: post.id,
				locale,
				title: title!,
				body: markdownToText((post.body as Record<string, string | undefined>)[locale] ?? ''),
				url: newsUrl(spaceSlug, post.moduleId, post.id),
				visibility: (isPublic ? 'public' : 'staff') as 'public' | 'staff',
				spaceId
			}))
	);
}

/** Re-indexes one announcement after a change or when it goes public. */
export async function indexNewsPost(db: Db, post: NewsPost): Promise<void> {
	const [row] = (await postsWithSpace(db, [post.moduleId])).filter((r) => r.post.id === post.id);
	if (!row) return;
	await indexResource(db, {
		resourceType: 'news_post',
		resourceId: post.id,
		spaceId: row.spaceId,
		title: row.post.title,
		body: texts(row.post.body),
		url: newsUrl(row.spaceSlug, post.moduleId, post.id),
		visibility: row.public ? 'public' : 'staff'
	});
}
