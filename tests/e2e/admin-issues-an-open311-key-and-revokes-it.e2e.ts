/**
 * An administrator issues an Open311 API key in the back office (JavaScript off), a client posts a problem report
 * with it, and once the key is revoked the same client is refused with the standard's 403 error list.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { signInAsAdmin } from './support/admin.ts';
import { expectAccessible, useBrowser, visit } from './support/browser.ts';

const open = useBrowser();

async function submit(page: Page, button: string | RegExp) {
	await Promise.all([
		page.waitForLoadState('load'),
		page.locator('main').getByRole('button', { name: button }).first().click()
	]);
	await page.waitForLoadState('load');
	await expectAccessible(page);
}

async function postReport(base: string, key: string, serviceCode: string) {
	const body = new URLSearchParams({
		api_key: key,
		service_code: serviceCode,
		lat: '45.7537',
		long: '21.2257',
		description: 'Groapă în fața Operei.',
		'attribute[dangerous]': 'yes'
	});
	const r = await fetch(`${base}/open311/v2/requests.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
		body
	});
	return { status: r.status, body: (await r.json()) as Record<string, unknown>[] };
}

describe('an administrator issues an Open311 key and revokes it', () => {
	it('the key is shown once, works for a client, and is refused once revoked', async () => {
		const base = inject('baseURL');
		const hook = (await (
			await fetch(`${base}/test-hooks/open311`, { method: 'POST', headers: { origin: base } })
		).json()) as { serviceCode: string };

		const { page } = await open({ javaScriptEnabled: false });
		await signInAsAdmin(page, { next: '/admin/reports/api-keys' });
		await visit(page, '/admin/reports/api-keys');
		await expect.poll(() => page.locator('h1').textContent()).toBe('Chei API Open311');

		// A key needs a name: the error summary links to the field.
		await submit(page, 'Creează o cheie');
		await expect.poll(() => page.locator('.error-summary a[href="#name"]').count()).toBe(1);

		await page.fill('#name', 'FixMyStreet de test');
		await submit(page, 'Creează o cheie');
		const key = (await page.locator('[data-testid="new-api-key"]').textContent())?.trim() ?? '';
		expect(key).toMatch(/^o311_/);
		expect(await page.locator('main table').textContent()).toContain('FixMyStreet de test');

		const accepted = await postReport(base, key, hook.serviceCode);
		expect(accepted.status).toBe(200);
		expect(accepted.body[0].service_request_id).toMatch(/^\d+$/);

		// Reloading the page never shows the key again: only its first characters.
		await visit(page, '/admin/reports/api-keys');
		expect(await page.locator('main').textContent()).not.toContain(key);

		await submit(page, 'Revocă cheia pentru FixMyStreet de test');
		await expect.poll(() => page.locator('.notice').textContent()).toContain('Cheia a fost revocată');
		const refused = await postReport(base, key, hook.serviceCode);
		expect(refused).toEqual({ status: 403, body: [{ code: 403, description: 'Invalid api_key received' }] });
	});
});
