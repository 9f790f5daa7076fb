/**
 * What is happening in a neighbourhood, for its public page: modules register a provider at import time of their
 * manifest (the platform never imports modules), e.g.
 *   registerNeighbourhoodItems('proposals', async (db, neighbourhoodId) => [...public proposals there]);
 * Each item has a title, a site path, and a point when it has one (shown on the map; the list shows them all).
 */
import type { Translated } from '../db/columns.ts';
import type { Db } from '../db/index.ts';

export interface NeighbourhoodItem {
	id: string;
	title: Translated;
	/** Site path without locale prefix. */
	url: string;
	lat: number | null;
	lng: number | null;
	/** A short translated line, e.g. the date of a meeting. */
	meta?: Translated;
}

export type NeighbourhoodItemsProvider = (db: Db, neighbourhoodId: string) => Promise<NeighbourhoodItem[]>;

const providers = new Map<string, NeighbourhoodItemsProvider>();

/** `kind` names the group on the page; its heading is the message `${kind}_module_name`. */
export function registerNeighbourhoodItems(kind: string, provider: NeighbourhoodItemsProvider): void {
	providers.set(kind, provider);
}

export async function neighbourhoodItems(db: Db, neighbourhoodId: string) {
	return Promise.all(
		[...providers.entries()].map(async ([kind, provide]) => ({ kind, items: await provide(db, neighbourhoodId) }))
	);
}
