/**
 * A citizen confirms their phone with a code sent by SMS (the development gateway's outbox), votes for five projects
 * of their zone on a phone with JavaScript off (check → review → cast), gets the receipt on screen, by e-mail and by
 * SMS, then changes the vote from the e-mail's link (JavaScript on: the summary updates live). axe on every page.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, latestMessage, linkIn, useBrowser, visit } from './support/browser.ts';

const open = useBrowser();
const phone = `+4072${String(Date.now()).slice(-7)}`;
const receiptPattern = /([0-9A-Z]{4}-){6}[0-9A-Z]{4}/;

interface Setup {
	slug: string;
	moduleId: string;
	citizen: { email: string; password: string };
}

async function signIn(page: Page, who: Setup['citizen'], next: string) {
	await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
	await page.locator('main input[name="email"]').fill(who.email);
	await page.locator('main input[name="password"]').fill(who.password);
	await Promise.all([
		page.waitForURL((u) => !u.pathname.startsWith('/account/sign-in')),
		page.locator('main form button[type="submit"]').first().click()
	]);
}

/** Submits with a button and waits for the answer page (a POST without JavaScript is a full page load). */
async function press(page: Page, name: string) {
	await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name, exact: true }).click()]);
	await page.waitForLoadState('load');
}

async function chooseZone(page: Page, zone: string) {
	expect(await page.locator('main legend').first().innerText()).toContain('Alegeți zona în care votați');
	await page.getByLabel(zone).check();
	await Promise.all([page.waitForURL(/\?zone=/), page.getByRole('button', { name: 'Continuă', exact: true }).click()]);
	await expectAccessible(page);
}

describe('a citizen verifies their phone by SMS and votes with JavaScript off', () => {
	let setup: Setup;
	let vote = '';
	let page: Page;
	let context: BrowserContext;
	let receipt = '';
	let change: URL;

	it('confirms the phone number with the code sent by SMS', async () => {
		// A JSON body: Kit refuses cross-site form-typed POSTs (and a body-less POST has no content type).
		const hook = await fetch(`${baseURL()}/test-hooks/budgets/voting`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}'
		});
		setup = (await hook.json()) as Setup;
		vote = `/processes/${setup.slug}/budgets/${setup.moduleId}/vote`;
		({ page, context } = await open({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } }));
		page.setDefaultTimeout(20_000);

		// Without a confirmed phone the ballot says exactly what to do, with a link.
		await signIn(page, setup.citizen, vote);
		await visit(page, vote);
		expect(await page.locator('main').innerText()).toContain('Confirmați numărul de telefon mobil');
		await page.getByRole('link', { name: 'Verifică telefonul prin SMS' }).click();
		await page.waitForURL(/\/account\/verify/);
		await expectAccessible(page);

		// The phone is confirmed with the code the development SMS gateway recorded.
		await page.locator('main input[name="phone"]').fill(phone);
		await Promise.all([page.waitForLoadState('load'), page.locator('form[action="?/sendCode"] button').click()]);
		await expectAccessible(page);
		const code = (await latestMessage(phone, 'sms')).text.match(/\b\d{6}\b/)?.[0];
		expect(code).toBeDefined();
		await page.locator('main input[name="code"]').fill(code!);
		await Promise.all([page.waitForLoadState('load'), page.locator('form[action="?/confirmCode"] button').click()]);
		expect(await page.locator('main .notice.success').count()).toBe(1);
	});

	it('votes for five projects of their zone with JavaScript off and gets the receipt', async () => {
		// The ballot: choose a zone, then five projects (four of the zone, one city-wide).
		await visit(page, vote);
		await chooseZone(page, 'Zona Cetate');
		expect(await page.locator('main').innerText()).toContain('Alegeți cel mult 5 proiecte');
		for (const code of ['Z1-01', 'Z1-02', 'Z1-03', 'Z1-04', 'ORAS-01']) await page.getByLabel(code).check();
		await press(page, 'Verifică buletinul');
		await expectAccessible(page);
		const summary = page.locator('#ballot-summary');
		expect(await summary.innerText()).toContain('5 din 5 proiecte alese');
		expect(await summary.innerText()).toContain('Buletinul respectă regulile');
		expect(await page.getByLabel('Z1-03').isChecked()).toBe(true);

		// A sixth project breaks the rule: the server's check says so, nothing is lost.
		await page.getByLabel('Z1-05').check();
		await press(page, 'Continuă');
		expect(await page.locator('.error-summary').innerText()).toContain('Buletinul nu respectă încă regulile');
		expect(await page.locator('#ballot').innerText()).toContain('Ați ales 6 proiecte; sunt permise cel mult 5.');
		expect(await page.locator('#ballot-summary').innerText()).toContain('6 din 5 proiecte alese');
		expect(await page.locator('.error-summary').innerText()).toContain('Confirmați că aveți vârsta necesară');
		await expectAccessible(page);
		await page.getByLabel('Z1-05').uncheck();
		await page.getByLabel('Am împlinit cel puțin 16 ani.').check();
		await page.getByLabel('Locuiesc, lucrez sau studiez în Timișoara.').check();
		await press(page, 'Continuă');

		// The review lists the five choices; nothing is saved before "Cast vote".
		expect(await page.locator('h1').innerText()).toBe('Verificați votul înainte de a-l exprima');
		expect(await page.locator('main li').allInnerTexts()).toHaveLength(5);
		await Promise.all([
			page.waitForURL(/\/vote\/receipt$/),
			page.getByRole('button', { name: 'Votează', exact: true }).click()
		]);
		await visit(page, `${vote}/receipt`);
		expect(await page.locator('h1').innerText()).toBe('Votul dumneavoastră a fost înregistrat');
		receipt = (await page.locator('[data-receipt]').innerText()).trim();
		expect(receipt).toMatch(receiptPattern);
		expect(await page.locator('main').innerText()).toContain('Z1-04');

		// The same receipt by e-mail (with the link to change the vote) and by SMS.
		const mail = await latestMessage(setup.citizen.email);
		expect(mail.text).toContain(receipt);
		expect((await latestMessage(phone, 'sms')).text).toContain(receipt);
		change = new URL(linkIn(mail.text));
		expect(change.searchParams.get('receipt')).toBe(receipt);

		// Back on the ballot: already voted, and how to change it.
		await visit(page, vote);
		expect(await page.locator('main').innerText()).toContain('Ați votat deja');
	});

	it('changes the vote from the e-mail’s link, with JavaScript on; the old receipt is spent', async () => {
		const js = await open({ viewport: { width: 390, height: 844 } });
		await js.context.addCookies(await context.cookies());
		js.page.setDefaultTimeout(20_000);
		await visit(js.page, change.pathname + change.search);
		expect(await js.page.locator('input[name="receipt"]').inputValue()).toBe(receipt);
		await Promise.all([
			js.page.waitForURL(/\/vote$/),
			js.page.getByRole('button', { name: 'Continuă', exact: true }).click()
		]);
		await visit(js.page, vote);
		expect(await js.page.locator('main').innerText()).toContain('Vă schimbați votul');
		await chooseZone(js.page, 'Zona Cetate');
		await js.page.getByLabel('Z1-05').check();
		await js.page.getByLabel('Z1-06').check();
		// The summary is live (an aria-live region) before any submission.
		await expect.poll(() => js.page.locator('#ballot-summary').innerText()).toContain('2 din 5 proiecte alese');
		await js.page.getByLabel('Am împlinit cel puțin 16 ani.').check();
		await js.page.getByLabel('Locuiesc, lucrez sau studiez în Timișoara.').check();
		await Promise.all([
			js.page.waitForLoadState('load'),
			js.page.getByRole('button', { name: 'Continuă', exact: true }).click()
		]);
		await expect.poll(() => js.page.locator('h1').innerText()).toBe('Verificați votul înainte de a-l exprima');
		await expectAccessible(js.page);
		await Promise.all([
			js.page.waitForURL(/\/vote\/receipt$/),
			js.page.getByRole('button', { name: 'Votează', exact: true }).click()
		]);
		await visit(js.page, `${vote}/receipt`);
		expect(await js.page.locator('h1').innerText()).toBe('Votul dumneavoastră a fost schimbat');
		const second = (await js.page.locator('[data-receipt]').innerText()).trim();
		expect(second).toMatch(receiptPattern);
		expect(second).not.toBe(receipt);
		expect(await js.page.locator('main').innerText()).toContain('Z1-06');
		expect(await js.page.locator('main').innerText()).not.toContain('Z1-01');

		// The old receipt no longer opens a change.
		await visit(page, `${vote}/change?receipt=${receipt}`);
		await press(page, 'Continuă');
		expect(await page.locator('.error-summary').innerText()).toContain('Acesta nu este codul de confirmare');
		await expectAccessible(page);
	});
});
