import { describe, expect, it } from 'vitest';
import { useBrowser, visit, withScriptablePage } from './support/browser.ts';

const open = useBrowser();

describe('a visitor reads the home page', () => {
	it('in Romanian by default, and in English under /en with the matching html lang', async () => {
		const { page, context } = await open();
		await visit(page, '/');
		expect(await page.getAttribute('html', 'lang')).toBe('ro');
		await expect.poll(() => page.locator('h1').textContent()).toContain('Timișoarei');
		// The seeded demo processes that are in a phase now are listed first, linking to their pages.
		const openNow = page.locator('section[aria-labelledby="open-now"] .card a');
		expect(await openNow.count()).toBeGreaterThan(0);
		expect(await openNow.first().getAttribute('href')).toMatch(/^\/processes\/[a-z0-9-]+$/);
		await visit(page, '/en/');
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.locator('h1').textContent()).toContain('Timișoara');
		await context.close();
	});

	it('works on a 320 px wide phone with JavaScript off', async () => {
		const { page, context } = await open({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
		await visit(page, '/hu/');
		expect(await page.getAttribute('html', 'lang')).toBe('hu');
		const overflow = await withScriptablePage(page, (p) =>
			p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
		);
		expect(overflow).toBe(false);
		await context.close();
	});

	it('reports health as JSON', async () => {
		const { page, context } = await open();
		const r = await page.request.get('/healthz');
		expect(r.status()).toBe(200);
		expect(await r.json()).toMatchObject({ status: 'ok', database: 'ok' });
		await context.close();
	});
});
