import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { baseURL, expectAccessible, latestMessage, linkIn, useBrowser, visit } from './support/browser.ts';

const open = useBrowser();
const email = `ana.${Date.now()}@example.ro`;
const password = 'o parolă destul de lungă';

const submit = (page: Page) => page.locator('main form button[type=submit]').first().click();

/** E-mails are delivered by a background job: wait for the one with this subject, not just the newest. */
async function messageWithSubject(to: string, subject: string) {
	await expect.poll(async () => (await latestMessage(to)).subject, { timeout: 15_000 }).toBe(subject);
	return latestMessage(to);
}

describe('a citizen manages their account', () => {
	it('signs up, confirms, signs in, switches to Hungarian, edits the profile, downloads the data and deletes the account', async () => {
		const { page, context } = await open();

		// Sign up (Romanian), with one round-trip through a validation error.
		await visit(page, '/account/sign-up');
		expect(await page.locator('select#locale').inputValue()).toBe('ro');
		await page.fill('#name', 'Ana Popescu');
		await page.fill('#email', email);
		await page.fill('#password', 'scurtă');
		await submit(page);
		await expect.poll(() => page.locator('.error-summary').isVisible()).toBe(true);
		expect(await page.locator('#password-error').textContent()).toContain('10');
		await expectAccessible(page);
		await page.fill('#password', password);
		await submit(page);
		await page.waitForURL('**/account/sign-up/check-email');
		expect(await page.locator('main').textContent()).toContain(email);
		await expectAccessible(page);

		// Confirm from the recorded e-mail: signed in straight away.
		const message = await messageWithSubject(email, 'Confirmă adresa de e-mail pentru Vocea');
		await page.goto(linkIn(message.text));
		await page.waitForURL('**/account/confirm/done');
		await expectAccessible(page);
		expect(await page.locator('header').textContent()).toContain('Contul meu');

		// Sign out, then sign in again in English and come back to the page asked for.
		await page.locator('header form button').click();
		await page.waitForURL('**/account/sign-out');
		expect(await page.locator('h1').textContent()).toContain('Ai ieșit din cont');
		await expectAccessible(page);
		await visit(page, '/en/account/data');
		expect(new URL(page.url()).pathname).toBe('/en/account/sign-in');
		await page.fill('#email', email);
		await page.fill('#password', 'wrong password!');
		await submit(page);
		// Wait for the answer itself (expect.poll gives up after a second, too short on a loaded machine).
		await page.locator('.error-summary').waitFor();
		expect(await page.locator('.error-summary').textContent()).toContain('wrong');
		await expectAccessible(page);
		await page.fill('#password', password);
		await submit(page);
		await page.waitForURL('**/en/account/data');
		await visit(page, '/en/account');
		expect(await page.locator('main').textContent()).toContain(email);

		// Switch to Hungarian through the profile's preferred language: the page follows.
		await visit(page, '/account/profile');
		await page.fill('#name', 'Ana P.');
		await page.selectOption('#locale', 'hu');
		const choices = await page.locator('#neighbourhoodId option').count();
		if (choices > 1) await page.selectOption('#neighbourhoodId', { index: 1 });
		await submit(page);
		await page.waitForURL((url) => url.pathname === '/hu/account/profile' && url.searchParams.has('saved'));
		expect(await page.getAttribute('html', 'lang')).toBe('hu');
		expect(await page.locator('[role=status]').textContent()).toContain('elmentettük');
		expect(await page.inputValue('#name')).toBe('Ana P.');
		await expectAccessible(page);
		await visit(page, '/hu/account');
		expect(await page.locator('main').textContent()).toContain('Magyar');

		// Download the data.
		await visit(page, '/hu/account/data');
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('main a[download]').click()]);
		expect(download.suggestedFilename()).toMatch(/^vocea-my-data-\d{4}-\d{2}-\d{2}\.zip$/);
		const zip = await JSZip.loadAsync(await readFile((await download.path())!));
		const data = JSON.parse(await zip.file('data.json')!.async('string'));
		expect(data.tables.user[0]).toMatchObject({ email, name: 'Ana P.', locale: 'hu' });
		expect(data.tables.sessions.length).toBeGreaterThan(0);
		expect(await zip.file('user.csv')!.async('string')).toContain(email);

		// Delete the account: a wrong password first, then the right one.
		await visit(page, '/hu/account/delete');
		await page.fill('#password', 'not my password');
		await submit(page);
		await expect.poll(() => page.locator('#password-error').isVisible()).toBe(true);
		await expectAccessible(page);
		await page.fill('#password', password);
		await submit(page);
		await page.waitForURL('**/hu/account/delete/done');
		await expectAccessible(page);
		expect(await page.locator('header').textContent()).toContain('Bejelentkezés');

		// The account is gone for good.
		await visit(page, '/account/sign-in');
		await page.fill('#email', email);
		await page.fill('#password', password);
		await submit(page);
		await page.locator('.error-summary').waitFor();
		expect(await page.locator('.error-summary').textContent()).toContain('greșită');
		await context.close();
	});

	it('resets a forgotten password without saying whether the address exists', async () => {
		const { page, context } = await open();
		await visit(page, '/en/account/forgot-password');
		await page.fill('#email', 'nobody-here@example.ro');
		await submit(page);
		await page.waitForURL('**/en/account/forgot-password/sent');
		await expectAccessible(page);
		const answerForNobody = await page.locator('main').textContent();

		// A fresh account, confirmed through its link.
		const other = `bob.${Date.now()}@example.ro`;
		await visit(page, '/en/account/sign-up');
		await page.fill('#name', 'Bob');
		await page.fill('#email', other);
		await page.fill('#password', password);
		await submit(page);
		await page.waitForURL('**/check-email');
		await page.goto(linkIn((await latestMessage(other)).text));
		await page.waitForURL('**/account/confirm/done');
		await page.locator('header form button').click();
		await page.waitForURL('**/account/sign-out');

		await visit(page, '/en/account/forgot-password');
		await page.fill('#email', other);
		await submit(page);
		await page.waitForURL('**/en/account/forgot-password/sent');
		expect(await page.locator('main').textContent()).toBe(answerForNobody);

		const reset = await messageWithSubject(other, 'Reset your Vocea password');
		await visit(page, new URL(linkIn(reset.text)).pathname + new URL(linkIn(reset.text)).search);
		await page.fill('#password', 'a completely new passphrase');
		await submit(page);
		await page.waitForURL('**/en/account/reset-password/done');
		await expectAccessible(page);
		await visit(page, '/en/account/sign-in');
		await page.fill('#email', other);
		await page.fill('#password', 'a completely new passphrase');
		await submit(page);
		await page.waitForURL('**/en/account');
		await context.close();
	});

	it('is told to wait, with HTTP 429, after too many reset requests for one address', async () => {
		const { page, context } = await open();
		const target = `limit.${Date.now()}@example.ro`;
		const post = () =>
			page.request.post('/en/account/forgot-password', {
				form: { email: target },
				headers: { origin: baseURL(), accept: 'text/html' },
				maxRedirects: 0
			});
		for (let i = 0; i < 3; i++) expect((await post()).status()).toBe(303);
		const refused = await post();
		expect(refused.status()).toBe(429);
		expect(await refused.text()).toContain('Too many attempts');
		await context.close();
	});
});
