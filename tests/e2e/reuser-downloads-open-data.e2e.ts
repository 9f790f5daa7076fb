import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser, visit } from './support/browser.ts';

const open = useBrowser();

const columns = ['id', 'process', 'position', 'title', 'text', 'url', 'updated_at'];

describe('a reuser downloads open data', () => {
	it('finds /data from the footer, reads the column documentation and downloads a CSV of the published pages', async () => {
		const { page, context } = await open();
		await visit(page, '/');
		await page.locator('footer a[href="/data"]').click();
		await page.waitForURL('**/data');
		await visit(page, '/data');
		expect(await page.locator('h1').textContent()).toBe('Date deschise');
		const table = page.locator('table#columns-pages-pages');
		expect(await table.locator('tbody th').allTextContents()).toEqual(columns);

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator('a[href="/data/exports/pages/pages.csv"]').click()
		]);
		expect(download.suggestedFilename()).toMatch(/^pages-pages-\d{4}-\d{2}-\d{2}\.csv$/);
		const csv = await readFile((await download.path())!, 'utf8');
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe(columns.join(','));
		// The demo processes are published with information pages.
		expect(lines.filter(Boolean).length).toBeGreaterThan(2);
		// No personal data: no person's e-mail (the administrator's, the demo citizens'), no account column.
		expect(csv).not.toContain(inject('adminEmail'));
		expect(csv).not.toContain('@demo.vocea.local');
		expect(lines[0]).not.toMatch(/mail|user|author|owner/i);

		// One process's file holds only its own rows.
		const processLink = page.locator('a[href^="/data/processes/"][href$="/pages/pages.csv"]').first();
		const href = (await processLink.getAttribute('href'))!;
		const slug = href.split('/')[3];
		const one = await page.request.get(href);
		expect(one.status()).toBe(200);
		expect(one.headers()['content-type']).toContain('text/csv');
		expect(one.headers()['content-disposition']).toMatch(new RegExp(`^attachment; filename="${slug}-pages-pages-`));
		const rows = (await one.text()).split('\r\n').filter(Boolean).slice(1);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.split(',')[1] === slug)).toBe(true);

		const json = await page.request.get(href.replace(/\.csv$/, '.json'));
		expect((await json.json()).rows.length).toBe(rows.length);
		expect((await page.request.get('/data/exports/pages/nothing.csv')).status()).toBe(404);
		expect((await page.request.get('/data/processes/nu-exista/pages/pages.csv')).status()).toBe(404);
		await context.close();
	});

	it('reads the page in English, and in Serbian tagged as Latin script, without JavaScript', async () => {
		const { page, context } = await open({ javaScriptEnabled: false });
		await visit(page, '/en/data');
		expect(await page.locator('h1').textContent()).toBe('Open data');
		expect(await page.locator('a[href="/data/exports/pages/pages.json"]').count()).toBe(1);
		await visit(page, '/sr/data');
		expect(await page.getAttribute('html', 'lang')).toBe('sr-Latn');
		expect(await page.locator('h1').textContent()).toBe('Otvoreni podaci');
		expect(await page.locator('nav a[hreflang="sr-Latn"]').getAttribute('href')).toBe('/sr/data');
		expect(await page.locator('nav a[hreflang="sr"]').count()).toBe(0);
		await context.close();
	});
});
