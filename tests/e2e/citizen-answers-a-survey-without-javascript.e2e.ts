import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, latestMessage, linkIn, useBrowser, visit } from './support/browser.ts';

const open = useBrowser();
const submit = async (page: Page, name: string) => {
	await page.locator('main').getByRole('button', { name }).click();
	await page.waitForLoadState('domcontentloaded');
};

describe('a citizen answers a survey without JavaScript', () => {
	it('is told what is missing, answers, gets a reference, then changes the answers', async () => {
		const { page, context } = await open({ javaScriptEnabled: false });
		const email = `chestionar.${Date.now()}@example.ro`;

		// A new citizen: sign up and confirm the address (the confirmation link signs them in).
		await visit(page, '/account/sign-up');
		await page.fill('#name', 'Maria Ardelean');
		await page.fill('#email', email);
		await page.fill('#password', 'o parolă pentru chestionar');
		await page.locator('main form button[type=submit]').first().click();
		await page.waitForURL('**/account/sign-up/check-email');
		await page.goto(linkIn((await latestMessage(email)).text));
		await page.waitForURL('**/account/confirm/done');

		// The demo mobility process shows the survey as a section and as something to do now.
		await visit(page, '/processes/planul-de-mobilitate-urbana');
		expect(await page.locator('main').textContent()).toContain('Răspunde la chestionar');
		await page.locator('main nav').getByRole('link', { name: 'Chestionar: cum vă deplasați prin Timișoara?' }).click();
		await page.waitForURL(/\/surveys\/[0-9a-f-]{36}$/);
		await expectAccessible(page);
		const surveyPath = new URL(page.url()).pathname;
		const q = (n: number) => `q_${surveyPath.split('/').at(-1)!.slice(0, 8)}-q${n}`;
		// Without JavaScript the conditional question is shown, with a note saying when to answer it.
		expect(await page.locator(`#${q(2)}-condition`).textContent()).toContain('Cu autoturismul personal');

		// Nothing answered: the required first question is named in the summary and next to the question.
		await submit(page, 'Trimite răspunsurile');
		const summary = page.locator('.error-summary');
		expect(await summary.isVisible()).toBe(true);
		expect(await summary.locator(`a[href="#${q(1)}"]`).textContent()).toContain('Cum vă deplasați cel mai des');
		expect(await page.locator(`#${q(1)}-error`).textContent()).toContain('Completează acest câmp');

		// A number out of range: refused, and what was chosen stays chosen.
		await page.getByLabel('Cu autoturismul personal', { exact: true }).check();
		await page.fill(`input[name="${q(5)}"]`, '300');
		await submit(page, 'Trimite răspunsurile');
		expect(await summary.locator(`a[href="#${q(5)}"]`).count()).toBe(1);
		expect(await summary.locator(`a[href="#${q(1)}"]`).count()).toBe(0);
		expect(await page.getByLabel('Cu autoturismul personal', { exact: true }).isChecked()).toBe(true);
		expect(await page.inputValue(`input[name="${q(5)}"]`)).toBe('300');

		await page.fill(`input[name="${q(5)}"]`, '35');
		await page.getByLabel('Tramvaie și autobuze mai dese').check();
		await page.getByLabel('Piste de biciclete sigure și continue').check();
		await page.getByLabel('Tramvaie: Puțin').check();
		await page.getByLabel('Autobuze: Mulțumit').check();
		for (const [option, rank] of [
			['Piste de biciclete', '1'],
			['Modernizarea liniilor de tramvai', '2'],
			['Zone pietonale în centru și în cartiere', '3'],
			['Parcări de reședință', '4']
		])
			await page.getByLabel(option, { exact: true }).selectOption(rank);
		await page.fill(`input[name="${q(7)}"]`, 'Piața Badea Cârțan');
		await submit(page, 'Trimite răspunsurile');
		await page.waitForURL(/\/thanks\?ref=[A-Z0-9]{8}$/);
		await expectAccessible(page);
		expect(await page.locator('h1').textContent()).toBe('Răspunsurile au fost înregistrate');
		const reference = new URL(page.url()).searchParams.get('ref')!;
		expect(await page.locator('.panel-confirm').textContent()).toContain(reference);

		// Coming back, the answers are there to change until the survey closes.
		await page.getByRole('link', { name: 'Modifică răspunsurile' }).click();
		await page.waitForURL((url) => url.pathname === surveyPath);
		await expectAccessible(page);
		expect(await page.locator('main .notice').first().textContent()).toContain('Puteți modifica răspunsurile');
		expect(await page.getByLabel('Cu autoturismul personal', { exact: true }).isChecked()).toBe(true);
		expect(await page.inputValue(`input[name="${q(5)}"]`)).toBe('35');
		expect(await page.getByLabel('Piste de biciclete', { exact: true }).inputValue()).toBe('1');
		await page.getByLabel('Pe jos', { exact: true }).check();
		await page.fill(`input[name="${q(5)}"]`, '15');
		await submit(page, 'Salvează modificările');
		await page.waitForURL(/\/thanks\?ref=[A-Z0-9]{8}&updated=1$/);
		expect(await page.locator('h1').textContent()).toBe('Răspunsurile au fost actualizate');
		// Same response, same reference.
		expect(new URL(page.url()).searchParams.get('ref')).toBe(reference);
		await expectAccessible(page);

		// The public results count the response once, with a data table beside every chart.
		await visit(page, `${surveyPath}/results`);
		expect(await page.locator('main').textContent()).toContain('Răspunsuri: 41');
		expect(await page.locator('main .chart svg').count()).toBe(await page.locator('main .chart table').count());
		expect(await page.locator('main').textContent()).not.toContain('Piața Badea Cârțan');
		await context.close();
	});
});
