/** Search documents of meetings: one per meeting and locale; public once published in a public space and module. */
import type { Db } from '../../platform/db/index.ts';
import type { Translated } from '../../platform/db/columns.ts';
import { indexResource, removeDocuments } from '../../platform/search/index-documents.ts';
import { markdownToText } from '../../platform/text/markdown.ts';
import { meetingsWithSpace, meetingUrl, type Meeting } from './queries.ts';

const textOf = (m: Meeting, locale: string) =>
	[
		markdownToText((m.description as Record<string, string | undefined>)[locale] ?? ''),
		m.address ?? '',
		...m.agenda.map((a) => a.title)
	]
		.filter(Boolean)
		.join('\n');

const visibilityOf = (m: Meeting, spacePublic: boolean): 'public' | 'staff' =>
	spacePublic && m.status !== 'draft' ? 'public' : 'staff';

export async function meetingDocuments(db: Db, moduleIds: string[]) {
	const rows = await meetingsWithSpace(db, moduleIds);
	return rows.flatMap(({ meeting, spaceId, spaceSlug, public: isPublic }) =>
		Object.entries(meeting.title)
			.filter(([, t]) => t?.trim())
			.map(([locale, title]) => ({
				resourceId: meeting.id,
				locale,
				title: title!,
				body: textOf(meeting, locale),
				url: meetingUrl(spaceSlug, meeting.moduleId, meeting.id),
				visibility: visibilityOf(meeting, isPublic),
				spaceId
			}))
	);
}

/** Re-indexes one meeting after a change (every locale it has). */
export async function indexMeeting(db: Db, meeting: Meeting): Promise<void> {
	const [row] = (await meetingsWithSpace(db, [meeting.moduleId])).filter((r) => r.meeting.id === meeting.id);
	if (!row) return removeDocuments(db, 'meeting', meeting.id);
	const body = Object.fromEntries(Object.keys(meeting.title).map((l) => [l, textOf(meeting, l)])) as Translated;
	await indexResource(db, {
		resourceType: 'meeting',
		resourceId: meeting.id,
		spaceId: row.spaceId,
		title: meeting.title,
		body,
		url: meetingUrl(row.spaceSlug, meeting.moduleId, meeting.id),
		visibility: visibilityOf(meeting, row.public)
	});
}
