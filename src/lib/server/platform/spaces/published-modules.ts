/** Module instances the public may see: published, in a published process. Open data and listings read these. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Translated } from '../db/columns.ts';
import type { Db } from '../db/index.ts';
import { moduleInstances, spaces } from '../db/schema.ts';

export interface PublishedModule {
	id: string;
	kind: string;
	spaceId: string;
	spaceSlug: string;
	spaceTitle: Translated;
	title: Translated;
}

/** Published modules of the given kinds in published processes, ordered by process then position. */
export async function publishedModules(db: Db, kinds: string[], spaceSlug?: string): Promise<PublishedModule[]> {
	if (!kinds.length) return [];
	return db
		.select({
			id: moduleInstances.id,
			kind: moduleInstances.kind,
			spaceId: spaces.id,
			spaceSlug: spaces.slug,
			spaceTitle: spaces.title,
			title: moduleInstances.title
		})
		.from(moduleInstances)
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(
			and(
				eq(spaces.status, 'published'),
				eq(moduleInstances.published, true),
				inArray(moduleInstances.kind, kinds),
				spaceSlug === undefined ? undefined : eq(spaces.slug, spaceSlug)
			)
		)
		.orderBy(asc(spaces.slug), asc(moduleInstances.position), asc(moduleInstances.createdAt));
}
