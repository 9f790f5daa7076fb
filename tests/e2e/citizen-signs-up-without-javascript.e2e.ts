import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, latestMessage, linkIn, useBrowser, visit } from './support/browser.ts';

const open = useBrowser();
const submit = (page: Page) => page.locator('main form button[type=submit]').first().click();

describe('a citizen signs up without JavaScript', () => {
	it('gets errors with their values kept, then signs up, confirms and signs in with plain forms', async () => {
		const { page, context } = await open({ javaScriptEnabled: false });
		const email = `nojs.${Date.now()}@example.ro`;
		const password = 'fără javascript, dar lungă';

		await visit(page, '/en/account/sign-up');
		await page.fill('#name', 'Ion Ionescu');
		await page.fill('#email', 'ion-at-example');
		await page.fill('#password', 'short');
		await page.selectOption('#locale', 'de');
		await submit(page);
		await page.waitForLoadState('domcontentloaded');
		const summary = page.locator('.error-summary');
		expect(await summary.isVisible()).toBe(true);
		expect(await summary.locator('a[href="#email"]').count()).toBe(1);
		expect(await summary.locator('a[href="#password"]').count()).toBe(1);
		expect(await page.getAttribute('#email', 'aria-invalid')).toBe('true');
		expect(await page.inputValue('#name')).toBe('Ion Ionescu');
		expect(await page.inputValue('#email')).toBe('ion-at-example');
		expect(await page.inputValue('#locale')).toBe('de');
		expect(await page.inputValue('#password')).toBe('');

		await page.fill('#email', email);
		await page.fill('#password', password);
		await submit(page);
		await page.waitForURL('**/en/account/sign-up/check-email');
		expect(await page.locator('main').textContent()).toContain(email);
		await expectAccessible(page);

		// The e-mail is in the chosen language (German) and links to the German page.
		const message = await latestMessage(email);
		expect(message.subject).toBe('Bestätigen Sie Ihre E-Mail-Adresse für Vocea');
		const link = linkIn(message.text);
		expect(new URL(link).pathname).toBe('/de/account/confirm');
		await page.goto(link);
		await page.waitForURL('**/de/account/confirm/done');
		expect(await page.locator('h1').textContent()).toContain('bestätigt');
		await expectAccessible(page);

		await page.locator('header form button').click();
		await page.waitForURL('**/account/sign-out');
		await visit(page, '/account/sign-in');
		await page.fill('#email', email);
		await page.fill('#password', password);
		await submit(page);
		await page.waitForURL((url) => url.pathname === '/account');
		expect(await page.locator('main').textContent()).toContain('Ion Ionescu');
		await expectAccessible(page);
		await context.close();
	});
});
