/**
 * A citizen submits a project idea to a participatory-budgeting edition; the eligibility commission finds it
 * ineligible with a reason (the citizen is told, with the appeal deadline); in the appeals stage the citizen appeals;
 * staff uphold the appeal and the idea is admitted — eligible, with the whole story in the project's public log.
 * axe on every page.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInAsAdmin } from './support/admin.ts';
import { baseURL, expectAccessible, latestMessage, useBrowser, visit } from './support/browser.ts';

const open = useBrowser();
const title = `Umbrare și bănci în Piața Libertății ${Date.now() % 10_000}`;
const reason = 'Terenul nu aparține municipiului.';
const verdict = 'Extrasul de carte funciară arată că terenul este al municipiului.';

interface Setup {
	spaceId: string;
	slug: string;
	moduleId: string;
	citizen: { email: string; password: string };
}
let setup: Setup;
let projectPath = '';

const hook = async (body: Record<string, string> = {}) =>
	(await fetch(`${baseURL()}/test-hooks/budgets/ideas`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	}).then((r) => r.json())) as Setup;

async function signIn(page: Page, who: Setup['citizen'], next: string) {
	await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
	await page.waitForSelector('html[data-hydrated="true"]', { state: 'attached' });
	await page.locator('main input[name="email"]').fill(who.email);
	await page.locator('main input[name="password"]').fill(who.password);
	await Promise.all([
		page.waitForURL((u) => !u.pathname.startsWith('/account/sign-in')),
		page.locator('main form button[type="submit"]').first().click()
	]);
}

/** Submits with a button and waits for the page it leads to. */
async function press(page: Page, name: string, url: RegExp) {
	await Promise.all([page.waitForURL(url), page.getByRole('button', { name, exact: true }).click()]);
}

describe('an idea is found ineligible, appealed and admitted', () => {
	it('a verified citizen submits an idea to the edition', async () => {
		setup = await hook();
		const edition = `/processes/${setup.slug}/budgets/${setup.moduleId}`;
		const { page } = await open();
		await signIn(page, setup.citizen, edition);
		await visit(page, edition);
		expect(await page.locator('main').innerText()).toContain('Etapa actuală: depunerea ideilor');
		expect(await page.locator('main table').innerText()).toContain('Zona Cetate');

		await visit(page, `${edition}/ideas/new`);
		await page.getByLabel('Titlu').fill(title);
		await page
			.getByLabel('Descriere')
			.fill(
				'Piața are prea puțină umbră vara. Propun **umbrare** din lemn și bănci pentru cei care așteaptă tramvaiul.'
			);
		await page.locator('#zoneId').selectOption({ index: 2 });
		expect(await page.locator('#zoneId option:checked').innerText()).toContain('Z1 — Zona Cetate');
		// Above the zone's maximum: refused with an error summary, nothing stored.
		await page.getByLabel('Cost estimat (lei)').fill('450000');
		await page.getByRole('button', { name: 'Trimiteți ideea', exact: true }).click();
		await page.locator('.error-summary').waitFor();
		await expectAccessible(page);
		expect(await page.locator('.error-summary').innerText()).toContain('depășește maximul');
		await page.getByLabel('Cost estimat (lei)').fill('180000');
		await press(page, 'Trimiteți ideea', /\/projects\/[^/]+\?done=created$/);
		projectPath = new URL(page.url()).pathname;
		await visit(page, `${projectPath}?done=created`);
		expect(await page.locator('.panel-confirm').innerText()).toContain('Z1-01');
		expect(await page.locator('h1').innerText()).toBe(`Z1-01 ${title}`);
		expect(await page.locator('main').innerText()).toContain('Nicio decizie încă.');
	});

	it('the commission finds it ineligible with a reason, and the citizen is told until when to appeal', async () => {
		await hook({ moduleId: setup.moduleId, stage: 'eligibility' });
		const { page } = await open();
		const queue = `/admin/processes/${setup.spaceId}/budgets/${setup.moduleId}/ideas`;
		await signInAsAdmin(page, { next: queue });
		await visit(page, queue);
		expect(await page.locator('main').innerText()).toContain('Aceste zone au mai puține proiecte eligibile');
		await page.getByRole('link', { name: title }).click();
		await page.waitForURL(/\/projects\/[^/]+$/);
		await visit(page, new URL(page.url()).pathname);
		// A negative decision needs a reason.
		await page.getByLabel('neeligibilă').check();
		await page.getByRole('button', { name: 'Înregistrați decizia', exact: true }).click();
		await page.locator('.error-summary').waitFor();
		await expectAccessible(page);
		expect(await page.locator('.error-summary').innerText()).toContain('Scrieți motivul deciziei.');
		await page.getByLabel('neeligibilă').check();
		await page.locator('#reason').fill(reason);
		await press(page, 'Înregistrați decizia', /\?done=saved$/);
		await visit(page, new URL(page.url()).pathname + '?done=saved');
		expect(await page.locator('main .timeline').innerText()).toContain(reason);

		const mail = await latestMessage(setup.citizen.email);
		expect(mail.text).toContain('neeligibilă');
		expect(mail.text).toContain(reason);
		expect(mail.text).toContain('până la');
	});

	it('in the appeals stage the citizen appeals once', async () => {
		await hook({ moduleId: setup.moduleId, stage: 'appeals' });
		const { page } = await open();
		await signIn(page, setup.citizen, projectPath);
		await visit(page, projectPath);
		expect(await page.locator('main .timeline').innerText()).toContain(`Motiv: ${reason}`);
		await page
			.getByLabel('Contestația')
			.fill('Terenul este al municipiului: am atașat extrasul de carte funciară la dosar.');
		await press(page, 'Trimiteți contestația', /\?done=appealed$/);
		await visit(page, `${projectPath}?done=appealed`);
		expect(await page.locator('[role=status]').first().innerText()).toContain('Contestația a fost înregistrată');
		// One appeal per decision: the form is gone.
		expect(await page.getByRole('button', { name: 'Trimiteți contestația' }).count()).toBe(0);
		expect(await page.locator('main .timeline').innerText()).toContain('contestație depusă');
	});

	it('staff uphold the appeal; the idea is admitted and the public log shows why', async () => {
		const { page } = await open();
		const appeals = `/admin/processes/${setup.spaceId}/budgets/${setup.moduleId}/appeals`;
		await signInAsAdmin(page, { next: appeals });
		await visit(page, appeals);
		expect(await page.locator('main').innerText()).toContain(reason);
		await page.getByLabel('contestație admisă').check();
		await page.getByLabel('Motivul (public)').fill(verdict);
		await page.getByRole('button', { name: /^Soluționați contestația/ }).click();
		await page.waitForURL(/\?done=decided$/, { timeout: 15_000 }).catch(async () => {
			throw new Error(`not decided: ${page.url()}\n${await page.locator('main').innerText()}`);
		});
		await visit(page, `${appeals}?done=decided`);
		expect(await page.locator('main').innerText()).toContain('Nicio contestație în așteptare.');

		const visitor = (await open()).page;
		await visit(visitor, projectPath);
		expect((await visitor.locator('main .meta .tag').textContent())?.trim()).toBe('eligibil');
		const log = await visitor.locator('main .timeline').innerText();
		expect(log).toContain(`Eligibilitate (comisia): neeligibilă`);
		expect(log).toContain('Contestație: contestație depusă');
		expect(log).toContain(`Soluționarea contestației: contestație admisă`);
		expect(log).toContain(verdict);
		const mail = await latestMessage(setup.citizen.email);
		expect(mail.text).toContain('contestație admisă');

		const list = `/processes/${setup.slug}/budgets/${setup.moduleId}/projects`;
		await visit(visitor, `${list}?state=eligible`);
		expect(await visitor.locator('main .card-list').innerText()).toContain(title);
		await visit(visitor, `${list}?view=map`);
	});
});
