/** Re-indexes what a space's mounted modules publish, after the space or a module changes visibility. */
import type { Db } from '../platform/db/index.ts';
import { indexDocument, type SearchSourceInput } from '../platform/search/index-documents.ts';
import { modulesOf, findSpace } from '../platform/spaces/queries.ts';
import { indexProcess, processSearchDocuments } from '../platform/spaces/search.ts';
import { findModule, modules } from '../registry.ts';
import { mountedModuleIds } from '../platform/search/index-documents.ts';

export async function reindexSpace(db: Db, spaceId: string): Promise<void> {
	const space = await findSpace(db, spaceId);
	if (!space) return;
	await indexProcess(db, space);
	for (const mod of await modulesOf(db, spaceId)) {
		for (const source of findModule(mod.kind)?.search ?? []) {
			const docs = await source.documents(db, [mod.id]);
			await indexDocument(
				db,
				docs.map((d) => ({ ...d, resourceType: source.resource }))
			);
		}
	}
}

/** Every search source of processes and modules, for the nightly full re-index. */
export async function spaceSearchSources(db: Db): Promise<SearchSourceInput[]> {
	const ids = await mountedModuleIds(
		db,
		modules.map((m) => m.name)
	);
	return [
		{ resourceType: 'space', documents: () => processSearchDocuments(db) },
		...modules.flatMap((m) =>
			m.search.map((source) => ({
				resourceType: source.resource,
				documents: async () =>
					(await source.documents(db, ids.get(m.name) ?? [])).map((d) => ({ ...d, resourceType: source.resource }))
			}))
		)
	];
}
