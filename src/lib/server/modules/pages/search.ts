/** Search documents of information pages: one per page and locale; staff-only until space and module are public. */
import type { Db } from '../../platform/db/index.ts';
import { indexResource } from '../../platform/search/index-documents.ts';
import type { Translated } from '../../platform/db/columns.ts';
import { markdownToText } from '../../platform/text/markdown.ts';
import { pagesWithSpace, pageUrl, type Page } from './queries.ts';

const bodies = (body: Translated): Translated =>
	Object.fromEntries(Object.entries(body).map(([l, md]) => [l, markdownToText(md ?? '')])) as Translated;

export async function pageDocuments(db: Db, moduleIds: string[]) {
	const rows = await pagesWithSpace(db, moduleIds);
	return rows.flatMap(({ page, spaceId, spaceSlug, public: isPublic }) =>
		Object.entries(page.title)
			.filter(([, t]) => t?.trim())
			.map(([locale, title]) => ({
				resourceId: page.id,
				locale,
				title: title!,
				body: markdownToText((page.body as Record<string, string | undefined>)[locale] ?? ''),
				url: pageUrl(spaceSlug, page.moduleId, page.slug),
				visibility: (isPublic ? 'public' : 'staff') as 'public' | 'staff',
				spaceId
			}))
	);
}

/** Re-indexes one page after a change (every locale it has). */
export async function indexPage(db: Db, page: Page): Promise<void> {
	const [row] = await pagesWithSpace(db, [page.moduleId]).then((rows) => rows.filter((r) => r.page.id === page.id));
	if (!row) return;
	await indexResource(db, {
		resourceType: 'page',
		resourceId: page.id,
		spaceId: row.spaceId,
		title: page.title,
		body: bodies(page.body),
		url: pageUrl(row.spaceSlug, page.moduleId, page.slug),
		visibility: row.public ? 'public' : 'staff'
	});
}
