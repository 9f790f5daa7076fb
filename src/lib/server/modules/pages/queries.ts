/** Reads of information pages; rows are plain records, rendering happens in `markdown.ts`. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { moduleInstances, spaces } from '../../platform/db/schema.ts';
import { pagesPages } from './schema.ts';

export type Page = typeof pagesPages.$inferSelect;

export const listPages = (db: Db, moduleId: string): Promise<Page[]> =>
	db
		.select()
		.from(pagesPages)
		.where(eq(pagesPages.moduleId, moduleId))
		.orderBy(asc(pagesPages.position), asc(pagesPages.createdAt));

export async function findPageBySlug(db: Db, moduleId: string, slug: string): Promise<Page | undefined> {
	const [row] = await db
		.select()
		.from(pagesPages)
		.where(and(eq(pagesPages.moduleId, moduleId), eq(pagesPages.slug, slug)));
	return row;
}

export async function findPage(db: Db, moduleId: string, pageId: string): Promise<Page | undefined> {
	const [row] = await db
		.select()
		.from(pagesPages)
		.where(and(eq(pagesPages.moduleId, moduleId), eq(pagesPages.id, pageId)));
	return row;
}

/** Pages of several modules with what their public URL and visibility need. */
export async function pagesWithSpace(db: Db, moduleIds: string[]) {
	if (!moduleIds.length) return [];
	return db
		.select({
			page: pagesPages,
			spaceId: spaces.id,
			spaceSlug: spaces.slug,
			public: sql<boolean>`(${spaces.status} = 'published' and ${moduleInstances.published})`
		})
		.from(pagesPages)
		.innerJoin(moduleInstances, eq(moduleInstances.id, pagesPages.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(inArray(pagesPages.moduleId, moduleIds))
		.orderBy(asc(spaces.slug), asc(pagesPages.position));
}

export const pageUrl = (spaceSlug: string, moduleId: string, pageSlug: string) =>
	`/processes/${spaceSlug}/pages/${moduleId}/${pageSlug}`;
