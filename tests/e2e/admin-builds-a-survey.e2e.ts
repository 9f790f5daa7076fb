import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, useBrowser, visit } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';

const open = useBrowser();

/** Submits the form holding `button` and waits for the page it leads to. */
async function submit(page: Page, button: string, until: RegExp) {
	await Promise.all([
		page.waitForURL(until),
		page.locator('main').getByRole('button', { name: button }).first().click()
	]);
	await expectAccessible(page);
}

describe('an administrator builds a survey', () => {
	it('mounts a survey, adds questions with a condition, opens it in the current phase and sees it locked after an answer', async () => {
		// The whole back-office flow runs with JavaScript off: every admin form must work as a plain POST.
		const { page, context } = await open({ javaScriptEnabled: false });
		await signInAsAdmin(page, { next: '/admin/processes' });
		await visit(page, '/admin/processes');
		await page.locator('main').getByRole('link', { name: 'Timișoara Decide!', exact: true }).click();
		await page.waitForURL(/\/admin\/processes\/[0-9a-f-]{36}$/);
		const processPath = new URL(page.url()).pathname;

		await visit(page, `${processPath}/modules/new`);
		await page.check('input[name="kind"][value="surveys"]');
		await page.fill('#title_ro', 'Chestionar despre Ghidul participantului');
		await submit(page, 'Adaugă modulul', /\/modules\/[0-9a-f-]{36}\?done=created$/);
		const moduleId = new URL(page.url()).pathname.split('/').at(-1)!;
		await page.check('#published');
		// Answers open in the current phase (the second of two).
		await page.locator('select[name$="_answers"]').nth(1).selectOption('open');
		await submit(page, 'Salvează', /done=saved/);

		const builder = `${processPath}/surveys/${moduleId}`;
		await visit(page, builder);
		await page.locator('main').getByRole('link', { name: 'Adaugă o întrebare' }).click();
		await page.waitForURL(/\/questions\/new$/);
		await expectAccessible(page);
		// A choice question without options is refused, with the error summary linking to the field.
		await page.check('input[name="type"][value="single_choice"]');
		await page.fill('#title_ro', 'Ați citit ghidul participantului?');
		await page.locator('main').getByRole('button', { name: 'Salvează întrebarea' }).click();
		await page.waitForLoadState('domcontentloaded');
		expect(await page.locator('.error-summary a[href="#options_ro"]').count()).toBe(1);
		expect(await page.inputValue('#title_ro')).toBe('Ați citit ghidul participantului?');
		await page.fill('#options_ro', 'Da\nNu');
		await page.fill('#options_en', 'Yes\nNo');
		await page.check('#required');
		await submit(page, 'Salvează întrebarea', /done=created$/);

		await page.locator('main').getByRole('link', { name: 'Adaugă o întrebare' }).click();
		await page.waitForURL(/\/questions\/new$/);
		await page.check('input[name="type"][value="long_text"]');
		await page.fill('#title_ro', 'Ce nu a fost clar?');
		await page.locator('#condition').selectOption({ label: '1. Ați citit ghidul participantului? → Da' });
		await submit(page, 'Salvează întrebarea', /done=created$/);
		const questions = page.locator('main ol.questions > li');
		expect(await questions.count()).toBe(2);
		expect(await questions.nth(1).textContent()).toContain('afișată în funcție de întrebarea 1');
		// The conditional question cannot move above the question it depends on.
		await questions
			.nth(1)
			.getByRole('button', { name: /Mută mai sus/ })
			.click();
		await page.waitForLoadState('domcontentloaded');
		expect(await page.locator('.error-summary').textContent()).toContain('după întrebarea de care depinde');

		// The public page shows the questionnaire; an admin answers it like anyone.
		await visit(page, `/processes/timisoara-decide/surveys/${moduleId}`);
		await page.getByLabel('Da', { exact: true }).check();
		await page.locator('main').getByRole('button', { name: 'Trimite răspunsurile' }).click();
		await page.waitForURL(/\/thanks\?ref=/);

		// With a response, the questionnaire is locked: no adding, moving or deleting; texts can still be fixed.
		await visit(page, builder);
		expect(await page.locator('main .notice.warning').textContent()).toContain('Au răspuns deja persoane');
		expect(await page.locator('main').getByRole('link', { name: 'Adaugă o întrebare' }).count()).toBe(0);
		expect(
			await page
				.locator('main')
				.getByRole('button', { name: /Șterge/ })
				.count()
		).toBe(0);
		await questions.nth(0).getByRole('link').click();
		await page.waitForURL(/\/questions\/[0-9a-f-]{36}$/);
		await expectAccessible(page);
		await page.fill('#title_ro', 'Ați citit Ghidul participantului?');
		await submit(page, 'Salvează întrebarea', /done=saved$/);
		expect(await questions.nth(0).textContent()).toContain('Ați citit Ghidul participantului?');

		const csv = await page.request.get(`${builder}/responses.csv`);
		expect(csv.status()).toBe(200);
		const lines = (await csv.text()).trimEnd().split('\r\n');
		expect(lines[0]).toBe('response,1. Ați citit Ghidul participantului?,2. Ce nu a fost clar?');
		expect(lines.slice(1)).toEqual(['1,Da,']);
		await visit(page, `${builder}/results`);
		expect(await page.locator('main').textContent()).toContain('Răspunsuri: 1');
		await context.close();
	});
});
