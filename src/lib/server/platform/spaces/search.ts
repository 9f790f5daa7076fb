/** Search documents of processes: one per locale with a title; staff-only while the process is a draft. */
import { inArray } from 'drizzle-orm';
import { spaceKinds } from './forms.ts';
import type { Db } from '../db/index.ts';
import { spaces } from '../db/schema.ts';
import { indexResource, type SearchDocumentInput } from '../search/index-documents.ts';
import type { Space } from './queries.ts';

const text = (s: Space, locale: string) =>
	[s.summary, s.description, s.organiser, s.decides, s.expectedResult]
		.map((f) => (f as Record<string, string | undefined>)[locale] ?? '')
		.join('\n');

export async function indexProcess(db: Db, space: Space): Promise<void> {
	await indexResource(db, {
		resourceType: 'space',
		resourceId: space.id,
		spaceId: space.id,
		title: space.title,
		body: Object.fromEntries(Object.keys(space.title).map((l) => [l, text(space, l)])),
		url: `/processes/${space.slug}`,
		visibility: space.status === 'published' ? 'public' : 'staff'
	});
}

/** Every process's documents, for a full re-index. */
export async function processSearchDocuments(db: Db): Promise<SearchDocumentInput[]> {
	const rows = await db
		.select()
		.from(spaces)
		.where(inArray(spaces.kind, [...spaceKinds]));
	return rows.flatMap((s) =>
		Object.entries(s.title)
			.filter(([, t]) => t?.trim())
			.map(([locale, title]) => ({
				resourceType: 'space',
				resourceId: s.id,
				locale,
				spaceId: s.id,
				title: title!,
				body: text(s, locale),
				url: `/processes/${s.slug}`,
				visibility: (s.status === 'published' ? 'public' : 'staff') as 'public' | 'staff'
			}))
	);
}
