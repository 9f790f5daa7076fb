import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseURL, expectAccessible, useBrowser, visit } from './support/browser.ts';

const open = useBrowser();

// Words no demo content uses, so the counts below are exactly these documents.
const docs = [
	{
		resourceType: 'space',
		resourceId: 'e2e-search-space',
		locale: 'ro',
		title: 'Grădini de cartier la Ciarda Roșie',
		body: 'Vecinii propun grădini comunitare pe terenurile virane de lângă școli.',
		url: '/search'
	},
	{
		resourceType: 'space',
		resourceId: 'e2e-search-space',
		locale: 'en',
		title: 'Neighbourhood gardens at Ciarda Roșie',
		body: 'Neighbours propose community gardens on the empty plots near the schools.',
		url: '/search'
	},
	{
		resourceType: 'page',
		resourceId: 'e2e-search-page',
		title: 'Calendarul grădinilor din Ciarda Roșie',
		body: 'Când se plantează și cine udă grădinile.',
		url: '/search'
	},
	{
		resourceType: 'page',
		resourceId: 'e2e-search-lights',
		title: 'Iluminat public pe strada Ciprian Porumbescu',
		body: 'Lămpi cu LED pe toată lungimea străzii.',
		url: '/search'
	},
	{
		resourceType: 'page',
		resourceId: 'e2e-search-draft',
		title: 'Ciornă: bugetul grădinilor din Ciarda Roșie',
		body: 'Document intern.',
		url: '/search',
		visibility: 'staff'
	}
];

beforeAll(async () => {
	const r = await fetch(`${baseURL()}/test-hooks/search-documents`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(docs)
	});
	expect(r.status).toBe(200);
});

const headings = (page: Page) => page.locator('main section h2').allInnerTexts();
const resultTitles = (page: Page) => page.locator('main section h3').allInnerTexts();

async function searchFor(page: Page, query: string) {
	await page.fill('#q', query);
	await page.locator('main form[role=search] button[type=submit]').click();
	await page.waitForURL((url) => url.searchParams.get('q') === query);
	await expectAccessible(page);
}

describe('a citizen searches the site', () => {
	it('finds the same results with and without diacritics, grouped by kind with counts', async () => {
		const { page, context } = await open();
		await visit(page, '/search');
		expect(await page.locator('h1').innerText()).toBe('Caută');

		await searchFor(page, 'ciarda rosie');
		// Groups come best match first; which one wins is the ranking's business, so compare as sets.
		expect((await headings(page)).sort()).toEqual(['Pagini (1)', 'Procese participative (1)']);
		const found = (await resultTitles(page)).sort();
		expect(found).toEqual(['Calendarul grădinilor din Ciarda Roșie', 'Grădini de cartier la Ciarda Roșie']);
		// A staff-only draft never shows to a visitor.
		expect(await page.locator('main').innerText()).not.toContain('Ciornă');

		await searchFor(page, 'Ciarda Roșie');
		expect((await resultTitles(page)).sort()).toEqual(found);
		expect(await page.title()).toContain('Ciarda Roșie');

		// A typo still finds the title.
		await searchFor(page, 'iluminat publik porumbescu');
		expect(await resultTitles(page)).toContain('Iluminat public pe strada Ciprian Porumbescu');

		await searchFor(page, 'xylofonul galactic');
		expect(await page.locator('main h2').first().innerText()).toContain('Nu am găsit nimic');
		await context.close();
	});

	it('shows the English text where it exists and marks Romanian-only results, in English', async () => {
		const { page, context } = await open();
		await visit(page, '/en/search?q=gradini');
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		const titles = await resultTitles(page);
		expect(titles).toContain('Neighbourhood gardens at Ciarda Roșie');
		expect(titles).toContain('Calendarul grădinilor din Ciarda Roșie');
		const romanian = page.locator('main li', { hasText: 'Calendarul grădinilor' });
		expect(await romanian.locator('.not-translated').innerText()).toBe('not translated');
		expect(await romanian.locator('h3 a').getAttribute('lang')).toBe('ro');
		await context.close();
	});

	it('works with JavaScript off on a small phone', async () => {
		const { page, context } = await open({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
		await visit(page, '/search');
		await page.fill('#q', 'gradini ciarda');
		await page.locator('main form[role=search] button[type=submit]').click();
		await page.waitForURL('**/search?q=gradini+ciarda');
		expect(await resultTitles(page)).toContain('Grădini de cartier la Ciarda Roșie');
		await expectAccessible(page);
		await context.close();
	});
});
