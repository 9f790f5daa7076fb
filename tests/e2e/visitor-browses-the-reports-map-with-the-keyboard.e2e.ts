/**
 * A visitor who uses only the keyboard browses the reports map: Tab reaches a numbered cluster, which says how many
 * reports it holds; Enter (and Space) zoom the map in on it, like a click; once the map shows single reports, Tab
 * reaches one, Enter opens its popup with the focus on the report's link, Escape gives the focus back to the point,
 * and following the link opens the report's page. The demo data has ~300 reports over the city.
 */
import { describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { expectAccessible, useBrowser, visit } from './support/browser.ts';

const open = useBrowser();
// Redrawing markers and popups waits on the map's animation frames, which a loaded CI machine can slow past the
// poll's 1 s default.

/** The width in degrees of the box a map.json request asked for. */
const boxWidth = (url: string) => {
	const [west, , east] = new URL(url).searchParams.get('bbox')!.split(',').map(Number);
	return east - west;
};

const active = (page: Page) =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | null;
		return { className: el?.className ?? '', label: el?.getAttribute('aria-label') ?? '', tag: el?.tagName ?? '' };
	});

/** Presses Tab until the focus is on an element matching `selector` (failing after `max` presses). */
async function tabTo(page: Page, selector: string, max = 5) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return active(page);
	}
	throw new Error(`Tab never reached ${selector}`);
}

/**
 * Whether the focus is still in the map: on the map itself (the pressed marker gave way to the new view's) or on a
 * marker the new view kept (same place and count) — never dropped to the page.
 */
const focusOnMap = (page: Page) => () => page.evaluate(() => document.activeElement?.closest('.reports-map') != null);

const mapAnswer = (page: Page) =>
	page.waitForResponse((r: Response) => r.url().includes('/reports/map.json') && r.ok());

describe('a visitor browses the reports map with the keyboard', () => {
	it('tabs to a cluster, zooms in with Enter, then opens a report from its point', async () => {
		const { page, context } = await open();
		const first = mapAnswer(page);
		await visit(page, '/reports');
		const cityWidth = boxWidth((await first).url());
		await page.locator('.reports-map .report-cluster').first().waitFor();
		await expectAccessible(page);

		// From the filters' button, Tab goes into the map and reaches a cluster, named by its count.
		await page.locator('main form.filters button[type=submit]').focus();
		const cluster = await tabTo(page, '.report-cluster');
		expect(cluster.tag).toBe('BUTTON');
		expect(cluster.label).toMatch(/^Sesizări aici: \d+ — măriți harta$/);

		// Enter zooms in on the cluster: the map asks for a box a quarter as wide, and the focus stays in the map.
		let answer = mapAnswer(page);
		await page.keyboard.press('Enter');
		let width = boxWidth((await answer).url());
		expect(width).toBeLessThan(cityWidth / 3);
		// The pressed cluster gives way to the new view's markers: the focus stays in the map, not on the page.
		await expect.poll(focusOnMap(page), { timeout: 10_000 }).toBe(true);

		// Space does the same, until the view is street-sized and shows single reports.
		for (let round = 0; round < 5 && !(await page.locator('.reports-map .report-point').count()); round++) {
			await tabTo(page, '.report-cluster');
			answer = mapAnswer(page);
			const before = width;
			await page.keyboard.press(' ');
			width = boxWidth((await answer).url());
			expect(width).toBeLessThan(before / 3);
			await expect.poll(focusOnMap(page), { timeout: 10_000 }).toBe(true);
		}
		await page.locator('.reports-map .report-point').first().waitFor();
		expect(await page.locator('.reports-map .report-cluster').count()).toBe(0);
		await expectAccessible(page);

		// A point is named by its report's title and state; Enter opens the popup and puts the focus on the link.
		const point = await tabTo(page, '.report-point');
		expect(point.tag).toBe('BUTTON');
		const title = point.label.replace(/ \(stare: [^)]+\)$/, '');
		expect(title).not.toBe(point.label);
		await page.keyboard.press('Enter');
		await expect.poll(() => active(page), { timeout: 10_000 }).toMatchObject({ tag: 'A' });
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(title);
		expect(await page.locator('.leaflet-popup-close-button').getAttribute('aria-label')).toBe('Închide');
		// The popup fades in; axe measures contrast through the fade, so it checks the popup once it is opaque.
		await expect
			.poll(() => page.locator('.leaflet-popup').evaluate((el) => getComputedStyle(el).opacity), { timeout: 10_000 })
			.toBe('1');
		await expectAccessible(page);

		// Escape closes it and gives the focus back to the point; Enter again, then the link opens the report.
		await page.keyboard.press('Escape');
		await expect.poll(() => page.locator('.leaflet-popup').count(), { timeout: 10_000 }).toBe(0);
		expect(await active(page)).toMatchObject({ tag: 'BUTTON', label: point.label });
		await page.keyboard.press('Enter');
		await expect.poll(async () => (await active(page)).tag, { timeout: 10_000 }).toBe('A');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/reports\/[^/]+$/);
		expect((await page.locator('h1').innerText()).trim()).toBe(title);
		await context.close();
	});
});
