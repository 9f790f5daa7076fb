import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/setup/database.ts';
import { person, processWithThreePhases } from '../../../../tests/support/spaces.ts';
import { moduleInstances, searchDocuments, spaces } from '../platform/db/schema.ts';
import { reindex } from '../platform/search/index-documents.ts';
import { createPage } from '../modules/pages/index.ts';
import { mountModuleOfKind } from './admin.ts';
import { reindexSpace, spaceSearchSources } from './search.ts';
import { modules } from '../registry.ts';

const database = useTestDatabase();
const db = () => database().db;

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};

/** A draft process with two pages modules (one page each, the first page also in English). */
async function processWithTwoModules(title: string) {
	const admin = await person(['admin']);
	const { spaceId, slug } = await processWithThreePhases(admin, new Date(), title);
	const modules: string[] = [];
	const pageIds: string[] = [];
	for (const [i, name] of ['Regulament', 'Calendar'].entries()) {
		const mounted = await mountModuleOfKind(admin, spaceId, form({ kind: 'pages', title_ro: `Modul ${i}` }));
		if (!mounted.ok) throw new Error(JSON.stringify(mounted.errors));
		const page = await createPage(
			admin,
			{ moduleId: mounted.value.id },
			{ title: i === 0 ? { ro: name, en: 'Rules' } : { ro: name }, body: { ro: `Textul paginii ${name}.` } }
		);
		if (!page.ok) throw new Error(JSON.stringify(page.errors));
		modules.push(mounted.value.id);
		pageIds.push(page.value.id);
	}
	return { spaceId, slug, modules, pageIds };
}

const indexed = async () =>
	(await db().select().from(searchDocuments))
		.map((d) => `${d.resourceType}:${d.resourceId}:${d.locale}:${d.visibility}`)
		.sort();

describe('re-indexing one space', () => {
	it('rebuilds the process and every mounted module’s documents, public only where space and module are', async () => {
		const { spaceId, slug, modules, pageIds } = await processWithTwoModules('Bugetare 2026');
		await db().update(spaces).set({ status: 'published' }).where(eq(spaces.id, spaceId));
		await db().update(moduleInstances).set({ published: true }).where(eq(moduleInstances.id, modules[0]));
		await db().delete(searchDocuments);

		await reindexSpace(db(), spaceId);

		expect(await indexed()).toEqual(
			[
				`page:${pageIds[0]}:en:public`,
				`page:${pageIds[0]}:ro:public`,
				`page:${pageIds[1]}:ro:staff`,
				`space:${spaceId}:en:public`,
				`space:${spaceId}:ro:public`
			].sort()
		);
		const [rules] = await db().select().from(searchDocuments).where(eq(searchDocuments.title, 'Regulament'));
		expect(rules).toMatchObject({
			spaceId,
			body: 'Textul paginii Regulament.',
			url: `/processes/${slug}/pages/${modules[0]}/regulament`
		});
	});

	it('replaces stale documents in place and leaves other spaces alone', async () => {
		const first = await processWithTwoModules('Bugetare 2026');
		const second = await processWithTwoModules('Consultare școli');
		// The index still says "public" from before the process went back to draft.
		await db().update(searchDocuments).set({ visibility: 'public', title: 'vechi' });

		await reindexSpace(db(), first.spaceId);

		const docs = await db().select().from(searchDocuments);
		const ofFirst = docs.filter((d) => d.spaceId === first.spaceId);
		const ofSecond = docs.filter((d) => d.spaceId === second.spaceId);
		expect(ofFirst.length).toBe(5);
		expect(new Set(ofFirst.map((d) => d.visibility))).toEqual(new Set(['staff']));
		expect(ofFirst.map((d) => d.title)).not.toContain('vechi');
		expect(ofSecond.length).toBe(5);
		expect(new Set(ofSecond.map((d) => `${d.title}/${d.visibility}`))).toEqual(new Set(['vechi/public']));
	});

	it('does nothing for a space that does not exist', async () => {
		await processWithTwoModules('Bugetare 2026');
		const before = await indexed();
		await expect(reindexSpace(db(), crypto.randomUUID())).resolves.toBeUndefined();
		expect(await indexed()).toEqual(before);
	});
});

describe('the search sources of every space', () => {
	it('rebuild processes and every module’s documents in the nightly re-index', async () => {
		const first = await processWithTwoModules('Bugetare 2026');
		const second = await processWithTwoModules('Consultare școli');
		const before = await indexed();
		await db().delete(searchDocuments);

		const sources = await spaceSearchSources(db());
		// every registered module's sources are there; only spaces and pages have documents in these processes
		const moduleResources = modules.flatMap((m) => m.search.map((s) => s.resource));
		expect(sources.map((s) => s.resourceType)).toEqual(['space', ...moduleResources]);
		expect(await reindex(db(), sources)).toEqual({
			...Object.fromEntries(moduleResources.map((r) => [r, 0])),
			space: 4,
			page: 6
		});
		expect(await indexed()).toEqual(before);
		expect(before.filter((d) => d.startsWith('page:')).length).toBe(6);
		expect(before).toContain(`space:${second.spaceId}:ro:staff`);
		expect(before).toContain(`page:${first.pageIds[0]}:en:staff`);
	});
});
