/**
 * The JSON API's view of processes: the mapping from rows to the shapes in `api-schemas.ts`. Translatable fields are per-locale objects, or plain strings in one locale when `?locale=` is given.
 */
import type { z } from 'zod';
import { isLocale, translate, type Translated } from '#lib/i18n/index.ts';
import { anonymous } from '../actors/actor.ts';
import { getDb, type Db } from '../db/index.ts';
import type { AnyModule } from '../modules/define-module.ts';
import { cityTimeZone, cityToday, type Timeline } from './timeline.ts';
import { findSpace, getVisibleProcess, listPublishedProcesses } from './queries.ts';
import { publishedModules } from './published-modules.ts';
import { ApiProcess, ApiProcessDetail, ApiProcessList, ApiProcessResponse } from './api-schemas.ts';
import type { MountedModule, Phase, Space, SpaceDocument } from './queries.ts';

export const apiLocale = (value: string | null): string | null => (value && isLocale(value) ? value : null);

const text = (field: Translated, locale: string | null) => (locale ? translate(field, locale).text : field);

type Counts = Record<string, number>;

/**
 * Each published module's statistics (every stat its manifest declares), by module id. The manifests are passed in:
 * the platform never imports modules (routes hand over the registry).
 */
export async function moduleCounts(db: Db, manifests: AnyModule[], spaceSlug?: string): Promise<Map<string, Counts>> {
	const mounted = await publishedModules(
		db,
		manifests.map((m) => m.name),
		spaceSlug
	);
	const out = new Map<string, Counts>();
	await Promise.all(
		mounted.map(async (mod) => {
			const manifest = manifests.find((m) => m.name === mod.kind)!;
			const entries = await Promise.all(
				manifest.stats.map(async (stat) => [stat.key, await stat.count(db, [mod.id])] as const)
			);
			out.set(mod.id, Object.fromEntries(entries));
		})
	);
	return out;
}

/** A process's counts: its phases, its public modules, and the sum of their statistics by key. */
function processCounts(phaseCount: number, moduleIds: string[], byModule: Map<string, Counts>): Counts {
	const sum: Counts = {};
	for (const id of moduleIds)
		for (const [key, n] of Object.entries(byModule.get(id) ?? {})) sum[key] = (sum[key] ?? 0) + n;
	return { phases: phaseCount, modules: moduleIds.length, ...sum };
}

export function processToApi(
	space: Space,
	timeline: Timeline<Phase>,
	locale: string | null,
	counts: Counts = { phases: timeline.phases.length, modules: 0 }
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
		})),
		counts
	};
}

export function processDetailToApi(
	process: { space: Space; timeline: Timeline<Phase>; documents: SpaceDocument[]; modules: MountedModule[] },
	locale: string | null,
	byModule: Map<string, Counts> = new Map()
): z.infer<typeof ApiProcessDetail> {
	const published = process.modules.filter((m) => m.published);
	const counts = processCounts(
		process.timeline.phases.length,
		published.map((m) => m.id),
		byModule
	);
	return {
		...processToApi(process.space, process.timeline, locale, counts),
		documents: process.documents.map((d) => ({
			title: text(d.title, locale),
			url: `/files/${d.fileId}`,
			mimeType: d.file?.mimeType ?? null
		})),
		modules: published.map((m) => ({
			id: m.id,
			kind: m.kind,
			title: text(m.title, locale),
			url: `/processes/${process.space.slug}/${m.kind}/${m.id}`,
			counts: byModule.get(m.id) ?? {}
		}))
	};
}

export const apiMeta = (now: Date, locale: string | null) => ({
	today: cityToday(now),
	timeZone: cityTimeZone,
	locale
});

/** GET /api/v1/processes: published processes only, with counts from the given module manifests. */
export async function processListForApi(locale: string | null, now: Date = new Date(), manifests: AnyModule[] = []) {
	const db = await getDb();
	const [rows, mounted, byModule] = await Promise.all([
		listPublishedProcesses(now),
		publishedModules(
			db,
			manifests.map((m) => m.name)
		),
		moduleCounts(db, manifests)
	]);
	return ApiProcessList.parse({
		data: rows.map(({ space, timeline }) => {
			const ids = mounted.filter((m) => m.spaceId === space.id).map((m) => m.id);
			return processToApi(space, timeline, locale, processCounts(timeline.phases.length, ids, byModule));
		}),
		meta: apiMeta(now, locale)
	});
}

/** GET /api/v1/processes/{id}: a published process by id or slug (drafts do not exist for the API). */
export async function processForApi(
	idOrSlug: string,
	locale: string | null,
	now: Date = new Date(),
	manifests: AnyModule[] = []
) {
	const db = await getDb();
	// Ids are random UUIDs: a slug spelled like one of them is not a real risk, so the id lookup comes first.
	const slug = (await findSpace(db, idOrSlug))?.slug ?? idOrSlug;
	const process = await getVisibleProcess(db, anonymous(), slug, now);
	const byModule = await moduleCounts(db, manifests, process.space.slug);
	return ApiProcessResponse.parse({ data: processDetailToApi(process, locale, byModule), meta: apiMeta(now, locale) });
}
