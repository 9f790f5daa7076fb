/** Search documents of consultations: one per consultation and locale (title of the draft, explanatory note and
 * text); staff-only until the announcement is published in a public space. */
import type { Db } from '../../platform/db/index.ts';
import type { Translated } from '../../platform/db/columns.ts';
import { indexResource } from '../../platform/search/index-documents.ts';
import { markdownToText } from '../../platform/text/markdown.ts';
import { consultationsWithSpace, consultationUrl, type Consultation } from './queries.ts';

const bodyIn = (c: Consultation, locale: string) => {
	const pick = (t: Translated) => (t as Record<string, string | undefined>)[locale] ?? '';
	return markdownToText(`${pick(c.explanatoryNote)}\n\n${pick(c.draftText)}`);
};

const visible = (isPublic: boolean, c: Consultation): 'public' | 'staff' =>
	isPublic && c.publishedOn ? 'public' : 'staff';

export async function consultationDocuments(db: Db, moduleIds: string[]) {
	const rows = await consultationsWithSpace(db, moduleIds);
	return rows.flatMap(({ consultation: c, spaceId, spaceSlug, public: isPublic }) =>
		Object.entries(c.draftTitle)
			.filter(([, t]) => t?.trim())
			.map(([locale, title]) => ({
				resourceId: c.id,
				locale,
				title: title!,
				body: bodyIn(c, locale),
				url: consultationUrl(spaceSlug, c.moduleId),
				visibility: visible(isPublic, c),
				spaceId
			}))
	);
}

/** Re-indexes the consultation of a module after a change. */
export async function indexConsultation(db: Db, moduleId: string): Promise<void> {
	const [row] = await consultationsWithSpace(db, [moduleId]);
	if (!row?.consultation.draftTitle.ro) return;
	const c = row.consultation;
	const body = Object.fromEntries(Object.keys(c.draftTitle).map((l) => [l, bodyIn(c, l)])) as Translated;
	await indexResource(db, {
		resourceType: 'consultation',
		resourceId: c.id,
		spaceId: row.spaceId,
		title: c.draftTitle,
		body,
		url: consultationUrl(row.spaceSlug, moduleId),
		visibility: visible(row.public, c)
	});
}
