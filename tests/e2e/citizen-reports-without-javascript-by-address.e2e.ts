/**
 * Someone without an account and without JavaScript reports a broken street light by address: a missing
 * description is pointed out by the error summary, then the report is registered with a number and the legal answer
 * date, the reporter gets them by e-mail, and the public page shows the report without their contact details.
 */
import { describe, expect, it } from 'vitest';
import { latestMessage, linkIn, useBrowser, visit } from './support/browser.ts';

const open = useBrowser();

describe('a citizen reports without JavaScript by address', () => {
	it('registers the report with a number and the legal answer date, and keeps the contact private', async () => {
		const stamp = Date.now();
		const email = `maria.${stamp}@example.ro`;
		const { page } = await open({ javaScriptEnabled: false });
		page.setDefaultTimeout(20_000);
		await visit(page, '/reports');
		// The list pages through the demo's ~300 reports with plain links: next, then back.
		expect(await page.locator('main h2', { hasText: 'Sesizări găsite:' }).innerText()).toMatch(
			/^Sesizări găsite: \d+$/
		);
		const pages = page.getByRole('navigation', { name: 'Paginile listei' });
		expect(await pages.getByRole('link', { name: 'Pagina anterioară' }).count()).toBe(0);
		await pages.getByRole('link', { name: 'Pagina următoare' }).click();
		await page.waitForURL('**/reports?page=2');
		expect(await pages.innerText()).toMatch(/Pagina 2 din \d+/);
		await pages.getByRole('link', { name: 'Pagina anterioară' }).click();
		await page.waitForURL(/\/reports$/);
		await page.getByRole('link', { name: 'Semnalați o problemă' }).first().click();
		await page.waitForURL('**/reports/new');
		await visit(page, '/reports/new');

		await page.check('#category-stalp-iluminat');
		const address = `Strada Eugeniu de Savoya ${stamp % 1000}`;
		await page.fill('#place_address', address);
		const option = page.locator('#place_neighbourhood_id option:not([value=""])').first();
		const hoodId = (await option.getAttribute('value'))!;
		await page.selectOption('#place_neighbourhood_id', hoodId);
		await page.fill('#contact_name', 'Maria Ionescu');
		await page.fill('#contact_email', email);
		await page.fill('#contact_phone', '0722 123 456');
		// Forgot the description: the error summary links to it and everything typed is kept.
		await page.locator('main form[action="?/check"] button[type=submit]').click();
		await expect.poll(() => page.locator('.error-summary a[href="#description"]').count()).toBe(1);
		expect(await page.locator('#place_address').inputValue()).toBe(address);
		expect(await page.locator('#category-stalp-iluminat').isChecked()).toBe(true);

		await page.fill('#description', 'Stâlpul din fața numărului 4 nu se mai aprinde de o săptămână.');
		await page.locator('main form[action="?/check"] button[type=submit]').click();
		await page.waitForURL('**/reports/*/sent');
		await visit(page, page.url());
		const number = (await page.locator('.panel-confirm strong').textContent())!.trim();
		expect(number).toMatch(/^TM-\d{4}-\d{6}$/);
		await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain('Răspuns până la');
		expect(await page.locator('main').textContent()).not.toContain('Sesizare anonimă');

		// The e-mail carries the number and the legal date, with a link to the public page.
		const mail = await latestMessage(email, 'email', 20_000);
		expect(mail.text).toContain(number);
		const reportPath = new URL(linkIn(mail.text)).pathname;
		await page.getByRole('link', { name: 'Vedeți sesizarea' }).click();
		await page.waitForURL(`**${reportPath}`);
		await visit(page, reportPath);
		expect((await page.locator('h1').textContent())?.trim()).toMatch(
			/Stâlp de iluminat nefuncțional — Strada Eugeniu de Savoya/
		);
		const main = page.locator('main');
		await expect.poll(async () => (await main.textContent()) ?? '').toContain(number);
		await expect.poll(async () => (await main.textContent()) ?? '').toContain(address);
		await expect.poll(async () => (await main.textContent()) ?? '').toContain('Sesizare înregistrată');
		expect(await main.textContent()).not.toContain('Maria Ionescu');
		expect(await main.textContent()).not.toContain(email);
		expect(await main.textContent()).not.toContain('0722');

		// The list, filtered to the neighbourhood without JavaScript, finds it.
		await visit(page, `/reports?neighbourhood=${hoodId}&state=open`);
		await expect.poll(async () => (await page.locator('main .card-list').textContent()) ?? '').toContain(number);
	});
});
