import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, useBrowser, visit, withScriptablePage } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';
import { todayInBucharest } from '../../src/lib/server/platform/calendar/index.ts';

const open = useBrowser();

/** A calendar date `days` from today; the phases keep ten days of margin, so time zones cannot flip them. */
// calendar dates in the city's time zone, as the platform counts them
const day = (days: number) => todayInBucharest(Date.now() + days * 86_400_000);

/** Submits the form holding `button` and waits for the page it leads to. */
async function submit(page: Page, button: string, until: RegExp) {
	await Promise.all([
		page.waitForURL(until),
		page.locator('main').getByRole('button', { name: button }).first().click()
	]);
	await expectAccessible(page);
}

describe('an administrator creates a process and a visitor follows its timeline', () => {
	let slug = '';

	it('an admin signed in with two-factor creates a process with three phases and a pages module, and publishes it', async () => {
		// The whole back-office flow runs with JavaScript off: every admin form must work as a plain POST.
		const { page, context } = await open({ javaScriptEnabled: false });
		await signInAsAdmin(page, { next: '/admin/processes' });
		await visit(page, '/admin/processes');
		await page.locator('main').getByRole('link', { name: 'Creează un proces' }).click();
		await page.waitForURL(/\/admin\/processes\/new$/);
		await expectAccessible(page);

		// An empty form is refused with an error summary that links to the Romanian title.
		await page.locator('main').getByRole('button', { name: 'Creează procesul' }).click();
		await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
		await expect.poll(() => page.locator('.error-summary a[href="#title_ro"]').count()).toBe(1);
		await expectAccessible(page);

		await page.fill('#title_ro', 'Reamenajarea Parcului Rozelor');
		await page.fill('#title_en', 'Redesigning the Roses Park');
		await page.fill('#summary_ro', 'Alegem împreună cum arată parcul.');
		await page.fill('#description_ro', 'Parcul Rozelor va fi reamenajat. Spuneți-ne ce vă doriți.');
		await page.fill('#organiser_ro', 'Direcția de Mediu');
		await page.fill('#decides_ro', 'Primarul decide varianta finală, pe baza consultării.');
		await page.fill('#expectedResult_ro', 'Un proiect tehnic aprobat.');
		await submit(page, 'Creează procesul', /\/admin\/processes\/[0-9a-f-]{36}\?done=created$/);
		const processPath = new URL(page.url()).pathname;

		const phases: [string, string, number, number][] = [
			['Propuneri', 'Proposals', -30, -11],
			['Consultare', 'Consultation', -10, 10],
			['Proiectare', 'Design', 11, 40]
		];
		for (const [ro, en, from, to] of phases) {
			await visit(page, `${processPath}/phases/new`);
			await page.fill('#title_ro', ro);
			await page.fill('#title_en', en);
			await page.fill('#startsOn', day(from));
			await page.fill('#endsOn', day(to));
			await submit(page, 'Adaugă faza', /done=saved/);
		}
		// An overlapping phase is refused.
		await visit(page, `${processPath}/phases/new`);
		await page.fill('#title_ro', 'Suprapusă');
		await page.fill('#startsOn', day(5));
		await page.fill('#endsOn', day(15));
		await page.locator('main').getByRole('button', { name: 'Adaugă faza' }).click();
		await expect.poll(() => page.locator('.error-summary a[href="#startsOn"]').count()).toBe(1);

		await visit(page, `${processPath}/modules/new`);
		await page.check('input[name="kind"][value="pages"]');
		await page.fill('#title_ro', 'Informații');
		await page.fill('#title_en', 'Information');
		await submit(page, 'Adaugă modulul', /\/modules\/[0-9a-f-]{36}\?done=created$/);
		const moduleId = new URL(page.url()).pathname.split('/').at(-1)!;
		// The settings form is generated from the module's schemas: a select, checkboxes, one set per phase.
		expect(await page.locator('select#global_listStyle').count()).toBe(1);
		expect(await page.locator('input[type="checkbox"][name$="_visible"]').count()).toBe(3);
		await page.check('#published');
		await submit(page, 'Salvează', /done=saved/);

		await visit(page, `${processPath}/pages/${moduleId}/new`);
		await page.fill('#title_ro', 'Regulamentul consultării');
		await page.fill('#title_en', 'Consultation rules');
		await page.fill('#body_ro', '## Cine participă\n\nOricine locuiește în **Timișoara**.');
		await page.fill('#body_en', '## Who takes part\n\nAnyone living in **Timișoara**.');
		await submit(page, 'Salvează pagina', /done=created/);
		expect(await page.locator('main ol li').count()).toBe(1);

		await visit(page, processPath);
		expect(await page.locator('main table tbody tr').count()).toBe(3);
		await submit(page, 'Publică procesul', /done=published/);
		expect(await page.locator('.notice.success').textContent()).toContain('publicat');
		slug = (await page.locator('main a', { hasText: 'Vezi pagina publică' }).getAttribute('href'))!.split('/').at(-1)!;
		expect(slug).toBe('reamenajarea-parcului-rozelor');
		await context.close();
		// The longest story (about 25 pages with axe, JavaScript off): allow for a busy machine.
	}, 300_000);

	it('a visitor sees the timeline with the right current phase, what they can do now, and the page, in Romanian', async () => {
		const { page, context } = await open();
		await visit(page, '/processes');
		await page.locator('main').getByRole('link', { name: 'Reamenajarea Parcului Rozelor' }).click();
		await page.waitForURL(new RegExp(`/processes/${slug}$`));
		await expectAccessible(page);
		expect(await page.locator('h1').textContent()).toContain('Reamenajarea Parcului Rozelor');
		const current = page.locator('.timeline li[aria-current="step"]');
		expect(await current.count()).toBe(1);
		expect(await current.textContent()).toContain('Consultare');
		expect(await page.locator('.timeline li.past').textContent()).toContain('Propuneri');
		expect(await page.locator('.timeline li.upcoming').textContent()).toContain('Proiectare');
		const now = page.locator('section[aria-labelledby="now"]');
		expect(await now.textContent()).toContain('Citește paginile de informare');
		expect(await now.textContent()).toContain('Proiectare');
		expect(await page.locator('main').textContent()).toContain('Primarul decide varianta finală');

		await page.locator('main nav').getByRole('link', { name: 'Informații' }).click();
		await page.waitForURL(/\/pages\//);
		await expectAccessible(page);
		await page.locator('main').getByRole('link', { name: 'Regulamentul consultării' }).click();
		await page.waitForURL(/regulamentul-consultarii$/);
		await expectAccessible(page);
		expect(await page.locator('article h2').textContent()).toBe('Cine participă');
		await context.close();
	});

	it('the same in English, with English texts and untranslated ones marked', async () => {
		const { page, context } = await open();
		await visit(page, `/en/processes/${slug}`);
		expect(await page.getAttribute('html', 'lang')).toBe('en');
		expect(await page.locator('h1').textContent()).toContain('Redesigning the Roses Park');
		expect(await page.locator('.timeline li[aria-current="step"]').textContent()).toContain('Consultation');
		expect(await page.locator('section[aria-labelledby="now"]').textContent()).toContain('Read the information pages');
		// The summary was written only in Romanian: shown in Romanian, marked as not translated.
		expect(await page.locator('.lead').textContent()).toContain('not translated');
		const api = await page.request.get(`/api/v1/processes/${slug}?locale=en`);
		expect(api.status()).toBe(200);
		const body = (await api.json()) as {
			data: { title: string; currentPhaseId: string; phases: { id: string; status: string }[] };
		};
		expect(body.data.title).toBe('Redesigning the Roses Park');
		expect(body.data.phases.find((p) => p.id === body.data.currentPhaseId)?.status).toBe('current');
		await page.locator('main nav').getByRole('link', { name: 'Information' }).click();
		await page.waitForURL(/\/en\/processes\/.+\/pages\//);
		await expectAccessible(page);
		await page.locator('main').getByRole('link', { name: 'Consultation rules' }).click();
		await page.waitForURL(/regulamentul-consultarii$/);
		await expectAccessible(page);
		expect(await page.locator('article h2').textContent()).toBe('Who takes part');
		await context.close();
	});

	it('the process page fits a 320 px phone with JavaScript off', async () => {
		const { page, context } = await open({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
		await visit(page, `/hu/processes/${slug}`);
		expect(await page.locator('.timeline li').count()).toBe(3);
		const overflow = await withScriptablePage(page, (p) =>
			p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
		);
		expect(overflow).toBe(false);
		await context.close();
	});

	it('serves the OpenAPI description', async () => {
		const { page, context } = await open();
		const r = await page.request.get('/api/v1/openapi.json');
		expect(r.status()).toBe(200);
		expect(((await r.json()) as { openapi: string }).openapi).toBe('3.1.0');
		await context.close();
	});
});
