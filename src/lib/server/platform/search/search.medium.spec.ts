import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { actorOf, createPerson } from '../../../../../tests/medium/support/people.ts';
import { anonymous, type Actor } from '../actors/actor.ts';
import { searchDocuments } from '../db/schema.ts';
import { indexDocument, indexResource, reindex, removeDocuments } from './index-documents.ts';
import { searchSite } from './search-site.ts';

const database = useTestDatabase();

const titles = (r: Awaited<ReturnType<typeof searchSite>>) => r.groups.flatMap((g) => g.hits.map((h) => h.title));
const search = (query: string, actor: Actor = anonymous(), locale = 'ro', kind: string | null = null) =>
	searchSite({ query, actor, locale, kind });

async function seed() {
	const { db } = database();
	await indexDocument(db, [
		{
			resourceType: 'space',
			resourceId: 's1',
			spaceId: 's1',
			title: 'Școli mai sigure în Mehala',
			body: 'Propuneri pentru curțile școlilor și trecerile de pietoni din cartierul Mehala.',
			url: '/processes/scoli'
		},
		{
			resourceType: 'page',
			resourceId: 'p1',
			spaceId: 's2',
			title: 'Iluminat public pe strada Ion Ionescu de la Brad',
			body: 'Lămpi noi cu LED, mai puțină lumină risipită.',
			url: '/processes/lumini/pages/iluminat'
		},
		{
			resourceType: 'page',
			resourceId: 'p2',
			spaceId: 's1',
			title: 'Calendarul școlilor',
			body: 'Când se votează proiectele pentru școli.',
			url: '/processes/scoli/pages/calendar'
		},
		{
			resourceType: 'page',
			resourceId: 'p3',
			spaceId: 's3',
			title: 'Ciornă: bugetul școlilor pe 2027',
			body: 'Document intern, încă nepublicat.',
			url: '/processes/ciorna/pages/buget',
			visibility: 'staff'
		}
	]);
}

describe('site search', () => {
	it('folds diacritics: "scoli" finds „școli”, in titles and in bodies', async () => {
		await seed();
		const r = await search('scoli');
		expect(titles(r)).toContain('Școli mai sigure în Mehala');
		expect(titles(r)).toContain('Calendarul școlilor');
		expect(await search('ȘCOLILE').then(titles)).toContain('Școli mai sigure în Mehala');
		// Body text is searched too.
		expect(await search('pietoni').then(titles)).toEqual(['Școli mai sigure în Mehala']);
	});

	it('tolerates typos in titles: "iluminat publik" finds „Iluminat public …”', async () => {
		await seed();
		expect(titles(await search('iluminat publik'))).toEqual(['Iluminat public pe strada Ion Ionescu de la Brad']);
		expect(titles(await search('ilumnat'))).toEqual(['Iluminat public pe strada Ion Ionescu de la Brad']);
		expect(titles(await search('xylofon')).length).toBe(0);
	});

	it('hides staff-only documents from visitors and citizens, shows them to staff and to the space team', async () => {
		await seed();
		const { db } = database();
		const citizen = await actorOf(db, (await createPerson(db)).id);
		const staff = await actorOf(db, (await createPerson(db, { roles: ['staff'] })).id);
		const draftTitle = 'Ciornă: bugetul școlilor pe 2027';
		expect(titles(await search('bugetul scolilor'))).not.toContain(draftTitle);
		expect(titles(await search('bugetul scolilor', citizen))).not.toContain(draftTitle);
		expect(titles(await search('bugetul scolilor', staff))).toContain(draftTitle);
		// A citizen with a role in that one space (e.g. its moderator) sees it too, and nobody else's drafts.
		const moderator = { ...citizen, spaceRoles: { s3: ['moderator' as const] } };
		expect(titles(await search('bugetul scolilor', moderator))).toContain(draftTitle);
		// Roles granted but not in force (two-factor off) do not count.
		const pending = { ...citizen, pendingRoles: ['staff' as const] };
		expect(titles(await search('bugetul scolilor', pending))).not.toContain(draftTitle);
	});

	it('groups results by kind, with counts, best group first; a kind can be shown alone', async () => {
		await seed();
		const r = await search('scoli');
		expect(r.groups.map((g) => [g.kind, g.count])).toEqual([
			['space', 1],
			['page', 1]
		]);
		expect(r.total).toBe(2);
		const hit = r.groups[0].hits[0];
		expect(hit).toMatchObject({ url: '/processes/scoli', locale: 'ro', visibility: 'public' });
		expect(hit.snippet.some((p) => p.mark && /școlilor/i.test(p.text))).toBe(true);
		const pages = await search('scoli', anonymous(), 'ro', 'page');
		expect(pages.groups.map((g) => g.kind)).toEqual(['page']);
		expect(titles(pages)).toEqual(['Calendarul școlilor']);
	});

	it("shows each resource once, in the person's language when translated, else in Romanian", async () => {
		const { db } = database();
		await indexResource(db, {
			resourceType: 'space',
			resourceId: 'pb',
			spaceId: 'pb',
			title: { ro: 'Bugetare participativă pentru școli', en: 'Participatory budgeting for schools' },
			body: { ro: 'Votează proiectele școlilor.', en: 'Vote for the schools’ projects.' },
			url: '/processes/pb'
		});
		await indexResource(db, {
			resourceType: 'page',
			resourceId: 'only-ro',
			title: { ro: 'Regulamentul școlilor' },
			url: '/processes/pb/pages/regulament'
		});
		const en = await search('scoli', anonymous(), 'en');
		expect(en.groups.flatMap((g) => g.hits.map((h) => [h.title, h.locale]))).toEqual([
			['Participatory budgeting for schools', 'en'],
			['Regulamentul școlilor', 'ro']
		]);
		const hu = await search('budgeting', anonymous(), 'hu');
		expect(titles(hu)).toEqual(['Bugetare participativă pentru școli']);

		// Dropping a translation removes its document.
		await indexResource(db, {
			resourceType: 'space',
			resourceId: 'pb',
			title: { ro: 'Bugetare participativă pentru școli' },
			url: '/processes/pb'
		});
		expect(titles(await search('budgeting', anonymous(), 'en'))).toEqual([]);
	});

	it('ignores empty and one-letter queries', async () => {
		await seed();
		expect((await search('')).groups).toEqual([]);
		expect((await search('  s ')).total).toBe(0);
	});

	it('removes and rebuilds documents', async () => {
		await seed();
		const { db } = database();
		await removeDocuments(db, 'space', 's1');
		expect(titles(await search('Mehala'))).toEqual([]);
		const counts = await reindex(db, [
			{
				resourceType: 'page',
				documents: async () => [
					{ resourceType: 'page', resourceId: 'n1', title: 'Parcul Rozelor', url: '/p/rozelor' },
					// A source only rebuilds its own kind.
					{ resourceType: 'space', resourceId: 'x', title: 'Parcul Central', url: '/x' }
				]
			}
		]);
		expect(counts).toEqual({ page: 1 });
		const rows = await db.select().from(searchDocuments);
		expect(rows.map((r) => r.resourceId).sort()).toEqual(['n1']);
		expect(titles(await search('parcul'))).toEqual(['Parcul Rozelor']);
	});
});
