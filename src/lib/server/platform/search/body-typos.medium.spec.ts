import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { anonymous } from '../actors/actor.ts';
import { indexDocument } from './index-documents.ts';
import { FUZZY_BODY_CHARS, searchSite } from './search-site.ts';

const database = useTestDatabase();

const found = async (query: string) =>
	(await searchSite({ query, actor: anonymous(), locale: 'ro' })).groups.flatMap((g) =>
		g.hits.map((h) => h.resourceId)
	);

async function seed() {
	await indexDocument(database().db, [
		{
			resourceType: 'page',
			resourceId: 'bike',
			title: 'Regulamentul ediției',
			body: 'Se pot propune piste pentru biciclete și parcări securizate lângă școli.',
			url: '/processes/p/pages/regulament'
		},
		{
			resourceType: 'page',
			resourceId: 'trees',
			title: 'Calendar',
			body: 'Plantăm arbori pe malul Begăi în toamnă.',
			url: '/processes/p/pages/calendar'
		},
		{
			resourceType: 'page',
			resourceId: 'deep',
			title: 'Anexă',
			body: `${'Text de umplutură fără legătură. '.repeat(Math.ceil(FUZZY_BODY_CHARS / 30))} Semafoare inteligente.`,
			url: '/processes/p/pages/anexa'
		}
	]);
}

describe('typo tolerance in bodies', () => {
	it('finds a word of the body written with a typo and without diacritics', async () => {
		await seed();
		expect(await found('bicilete')).toEqual(['bike']);
		expect(await found('parcari securizate')).toEqual(['bike']);
		expect(await found('begai')).toEqual(['trees']);
		// The exact word works anywhere in the body; a typo only in its indexed start.
		expect(await found('semafoare')).toEqual(['deep']);
		expect(await found('semafaore')).toEqual([]);
	});

	it('does not match unrelated text', async () => {
		await seed();
		expect(await found('autobuz')).toEqual([]);
		expect(await found('zxqwv')).toEqual([]);
	});

	it('ranks a typo in the title above the same typo in a body', async () => {
		await seed();
		await indexDocument(database().db, {
			resourceType: 'page',
			resourceId: 'title',
			title: 'Biciclete în centru',
			body: 'Alt subiect.',
			url: '/processes/p/pages/centru'
		});
		expect(await found('bicilete')).toEqual(['title', 'bike']);
	});

	it('has a trigram index on the expression the search uses', async () => {
		const { db } = database();
		const res = await db.execute(
			sql`SELECT indexdef FROM pg_indexes WHERE indexname = 'search_documents_body_trgm_idx'`
		);
		const rows = Array.isArray(res) ? res : (res as { rows: { indexdef: string }[] }).rows;
		expect(rows[0]?.indexdef).toContain(`"left"(body, ${FUZZY_BODY_CHARS})`);
		expect(rows[0]?.indexdef).toContain('gin_trgm_ops');
	});
});
