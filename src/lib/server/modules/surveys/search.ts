/** Search documents of surveys: one per survey and locale (title and introduction); staff-only until public. */
import type { Db } from '../../platform/db/index.ts';
import { indexResource } from '../../platform/search/index-documents.ts';
import { surveysWithSpace, surveyUrl } from './queries.ts';

export async function surveyDocuments(db: Db, moduleIds: string[]) {
	const rows = await surveysWithSpace(db, moduleIds);
	return rows.flatMap((r) =>
		Object.entries(r.title)
			.filter(([, t]) => t?.trim())
			.map(([locale, title]) => ({
				resourceId: r.moduleId,
				locale,
				title: title!,
				body: (r.description as Record<string, string | undefined>)[locale] ?? '',
				url: surveyUrl(r.spaceSlug, r.moduleId),
				visibility: (r.public ? 'public' : 'staff') as 'public' | 'staff',
				spaceId: r.spaceId
			}))
	);
}

/** Re-indexes one survey after its texts change. */
export async function indexSurvey(db: Db, moduleId: string): Promise<void> {
	const [row] = await surveysWithSpace(db, [moduleId]);
	if (!row) return;
	await indexResource(db, {
		resourceType: 'survey',
		resourceId: moduleId,
		spaceId: row.spaceId,
		title: row.title,
		body: row.description,
		url: surveyUrl(row.spaceSlug, moduleId),
		visibility: row.public ? 'public' : 'staff'
	});
}
