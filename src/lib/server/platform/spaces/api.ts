/**
 * The JSON API's view of processes: the mapping from rows to the shapes in `api-schemas.ts`. Translatable fields are per-locale objects, or plain strings in one locale when `?locale=` is given.
 */
import type { z } from 'zod';
import { isLocale, translate, type Translated } from '#lib/i18n/index.ts';
import { anonymous } from '../actors/actor.ts';
import { getDb } from '../db/index.ts';
import { cityTimeZone, cityToday, type Timeline } from './timeline.ts';
import { getVisibleProcess, listPublishedProcesses } from './queries.ts';
import { ApiProcess, ApiProcessDetail, ApiProcessList, ApiProcessResponse } from './api-schemas.ts';
import type { MountedModule, Phase, Space, SpaceDocument } from './queries.ts';

export const apiLocale = (value: string | null): string | null => (value && isLocale(value) ? value : null);

const text = (field: Translated, locale: string | null) => (locale ? translate(field, locale).text : field);

export function processToApi(
	space: Space,
	timeline: Timeline<Phase>,
	locale: string | null
): z.infer<typeof ApiProcess> {
	return {
		id: space.id,
		slug: space.slug,
		url: `/processes/${space.slug}`,
		title: text(space.title, locale),
		summary: text(space.summary, locale),
		description: text(space.description, locale),
		organiser: text(space.organiser, locale),
		decides: text(space.decides, locale),
		expectedResult: text(space.expectedResult, locale),
		coverImageUrl: space.coverFileId ? `/files/${space.coverFileId}` : null,
		publishedAt: space.publishedAt?.toISOString() ?? null,
		currentPhaseId: timeline.current?.id ?? null,
		nextPhaseId: timeline.next?.id ?? null,
		phases: timeline.phases.map((p) => ({
			id: p.id,
			position: p.position,
			title: text(p.title, locale),
			description: text(p.description, locale),
			startsOn: p.startsOn,
			endsOn: p.endsOn,
			status: p.status
		}))
	};
}

export function processDetailToApi(
	process: { space: Space; timeline: Timeline<Phase>; documents: SpaceDocument[]; modules: MountedModule[] },
	locale: string | null
): z.infer<typeof ApiProcessDetail> {
	return {
		...processToApi(process.space, process.timeline, locale),
		documents: process.documents.map((d) => ({
			title: text(d.title, locale),
			url: `/files/${d.fileId}`,
			mimeType: d.file?.mimeType ?? null
		})),
		modules: process.modules
			.filter((m) => m.published)
			.map((m) => ({
				id: m.id,
				kind: m.kind,
				title: text(m.title, locale),
				url: `/processes/${process.space.slug}/${m.kind}/${m.id}`
			}))
	};
}

export const apiMeta = (now: Date, locale: string | null) => ({
	today: cityToday(now),
	timeZone: cityTimeZone,
	locale
});

/** GET /api/v1/processes: published processes only. */
export async function processListForApi(locale: string | null, now: Date = new Date()) {
	const rows = await listPublishedProcesses(now);
	return ApiProcessList.parse({
		data: rows.map(({ space, timeline }) => processToApi(space, timeline, locale)),
		meta: apiMeta(now, locale)
	});
}

/** GET /api/v1/processes/{slug}: a published process (drafts do not exist for the API). */
export async function processForApi(slug: string, locale: string | null, now: Date = new Date()) {
	const process = await getVisibleProcess(await getDb(), anonymous(), slug, now);
	return ApiProcessResponse.parse({ data: processDetailToApi(process, locale), meta: apiMeta(now, locale) });
}
