/**
 * The Atom feed of one process (`/feeds/processes/{id or slug}.atom`): its phases as they start and whatever its
 * published modules contribute through their manifest's `feed()` (news, proposals, meetings…). The registry is
 * passed in, since the platform never imports modules.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import { spaceKinds } from '../spaces/forms.ts';
import { translate } from '#lib/i18n/index.ts';
import { getDb } from '../db/index.ts';
import { spaces } from '../db/schema.ts';
import { messageByKey } from '../i18n.ts';
import type { AnyModule } from '../modules/define-module.ts';
import { NotFoundError } from '../result.ts';
import { publishedModules } from '../spaces/published-modules.ts';
import { phasesOf } from '../spaces/queries.ts';
import { cityToday } from '../spaces/timeline.ts';
import { startOfDayInBucharest as startOfCityDay } from '../calendar/index.ts';
import { atomFeed, type FeedEntry } from './atom.ts';

/** How far back a feed reaches, and how many entries it keeps: feed readers only need what is recent. */
const WINDOW_DAYS = 365;
const MAX_ENTRIES = 50;

export async function processFeed(
	idOrSlug: string,
	{ origin, locale, modules, now = new Date() }: { origin: string; locale: string; modules: AnyModule[]; now?: Date }
): Promise<string> {
	const db = await getDb();
	const [space] = await db
		.select()
		.from(spaces)
		.where(and(or(eq(spaces.id, idOrSlug), eq(spaces.slug, idOrSlug)), inArray(spaces.kind, [...spaceKinds])));
	// Drafts have no feed: a feed reader is anonymous.
	if (!space || space.status !== 'published') throw new NotFoundError('process');
	const abs = (path: string) => new URL(path, origin).toString();
	const text = (t: Parameters<typeof translate>[0]) => translate(t, locale).text;
	const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
	const today = cityToday(now);

	const phaseEntries: FeedEntry[] = (await phasesOf(db, space.id))
		.filter((p) => p.startsOn <= today && startOfCityDay(p.startsOn) >= since)
		.map((p) => ({
			id: `urn:vocea:phase:${p.id}`,
			title: messageByKey('feeds_phase_started', locale, { title: text(p.title) }),
			updated: startOfCityDay(p.startsOn),
			published: startOfCityDay(p.startsOn),
			url: abs(`/processes/${space.slug}`),
			summary: text(p.description) || undefined,
			category: 'phase'
		}));

	const contributing = modules.filter((m) => typeof m.feed === 'function');
	const mounted = await publishedModules(
		db,
		contributing.map((m) => m.name),
		space.slug
	);
	const moduleEntries = (
		await Promise.all(
			contributing.map(async (m) => {
				const ids = mounted.filter((x) => x.kind === m.name).map((x) => x.id);
				if (!ids.length) return [];
				const items = await m.feed!(db, ids, since);
				return items.map((e): FeedEntry => ({
					id: `urn:vocea:${e.key}`,
					title: text(e.title),
					updated: e.updated ?? e.published,
					published: e.published,
					url: abs(e.path),
					summary: e.summary ? text(e.summary) : undefined,
					category: m.name
				}));
			})
		)
	).flat();

	const entries = [...phaseEntries, ...moduleEntries]
		.sort((a, b) => b.updated.getTime() - a.updated.getTime())
		.slice(0, MAX_ENTRIES);
	const title = text(space.title);
	return atomFeed({
		id: `urn:vocea:process:${space.id}`,
		title: messageByKey('feeds_process_title', locale, { title }),
		subtitle: text(space.summary) || undefined,
		updated: entries[0]?.updated ?? space.publishedAt ?? space.createdAt,
		selfUrl: abs(`/feeds/processes/${space.slug}.atom`),
		alternateUrl: abs(`/processes/${space.slug}`),
		language: locale === 'sr' ? 'sr-Latn' : locale,
		author: messageByKey('site_name', locale),
		entries
	});
}
