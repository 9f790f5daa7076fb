/**
 * A clerk takes a phone call about a broken street light: from the inbox they open the staff form, which points out
 * what is missing, record the report with the caller's name, address and language, and read out the registration
 * number and answer date shown; the caller gets them by e-mail in their language, and the report is the caller's —
 * "received through city staff" for the department, with no trace of the clerk on the public page.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, latestMessage, useBrowser, visit } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';

const open = useBrowser();

describe('staff record a report received by phone', () => {
	it('registers it in the caller’s name and language and gives the clerk the number to read out', async () => {
		const stamp = Date.now();
		const email = `caller.${stamp}@example.ro`;
		const { page } = await open();
		page.setDefaultTimeout(20_000);
		await signInAsAdmin(page, { next: '/admin/reports' });
		await visit(page, '/admin/reports');
		await page.getByRole('link', { name: 'Înregistrați o sesizare primită prin telefon sau pe hârtie' }).click();
		await page.waitForURL('**/admin/reports/new');
		await visit(page, '/admin/reports/new');
		// The form asks for the caller's contact (not "reporting as" the clerk) and their language.
		expect(await page.locator('main #contact_name').count()).toBe(1);
		expect(await page.locator('main').textContent()).not.toContain('Trimiteți sesizarea ca');

		// Sent with nothing chosen: the error summary says what is missing.
		await page.locator('main form[action="?/check"] button[type=submit]').click();
		await expect.poll(() => page.locator('.error-summary a[href="#description"]').count()).toBe(1);
		await expectAccessible(page);

		await page.check('#category-stalp-iluminat');
		const address = `Strada Gheorghe Lazăr ${stamp % 1000}`;
		await page.fill('#place_address', address);
		await page.fill('#description', 'Apel telefonic: stâlpul din colț nu se aprinde de trei seri.');
		await page.fill('#contact_name', 'Kovács Mária');
		await page.fill('#contact_email', email);
		await page.selectOption('#locale', 'hu');
		await page.locator('main form[action="?/check"] button[type=submit]').click();
		await page.waitForURL(/\/admin\/reports\/new\?registered=/);
		const number = (await page.locator('.panel-confirm strong').textContent())!.trim();
		expect(number).toMatch(/^TM-\d{4}-\d{6}$/);
		expect(await page.locator('main').textContent()).toContain('Răspuns până la');
		await expectAccessible(page);

		// The caller hears in Hungarian, with the number.
		const mail = await latestMessage(email, 'email', 20_000);
		expect(mail.text.startsWith('Jó napot, Kovács Mária!')).toBe(true);
		expect(mail.text).toContain(number);

		// The department sees where it came from; the public page shows neither the caller nor the clerk.
		await page.getByRole('link', { name: 'Pagina publică a sesizării' }).click();
		await page.waitForURL((u) => /^\/reports\/[0-9a-f-]{36}$/.test(u.pathname));
		const reportId = new URL(page.url()).pathname.split('/').pop()!;
		const main = page.locator('main');
		await expect.poll(async () => (await main.textContent()) ?? '').toContain(number);
		expect(await main.textContent()).not.toContain('Kovács');
		expect(await main.textContent()).not.toContain(email);
		await visit(page, `/admin/reports/${reportId}`);
		expect(await page.locator('main dl').textContent()).toContain('personalul primăriei (telefon, scrisoare, ghișeu)');
		expect(await page.locator('main').textContent()).toContain('Kovács Mária');
	});
});
