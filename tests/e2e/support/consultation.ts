/** e2e support: an administrator (already signed in on `page`) creates and publishes a Law 52/2003 consultation. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseURL, expectAccessible, visit } from './browser.ts';
import { todayInBucharest } from '../../../src/lib/server/platform/calendar/index.ts';

const day = (days: number) => todayInBucharest(Date.now() + days * 86_400_000);

async function submit(page: Page, button: string, until: RegExp) {
	await Promise.all([
		page.waitForURL(until),
		page.locator('main').getByRole('button', { name: button }).first().click()
	]);
	await expectAccessible(page);
}

export async function createConsultation(page: Page, { slug, title }: { slug: string; title: string }) {
	await visit(page, '/admin/processes/new');
	await page.check('#kind-consultation');
	await page.fill('#slug', slug);
	await page.fill('#title_ro', title);
	await page.fill('#summary_ro', 'Proiect de hotărâre a Consiliului Local în consultare publică.');
	await page.fill('#description_ro', 'Primăria supune dezbaterii publice proiectul, conform Legii 52/2003.');
	await page.fill('#organiser_ro', 'Direcția Generală Urbanism');
	await page.fill('#decides_ro', 'Consiliul Local adoptă hotărârea.');
	await page.fill('#expectedResult_ro', 'Hotărârea adoptată și sinteza recomandărilor.');
	await submit(page, 'Creează procesul', /\/admin\/processes\/[0-9a-f-]{36}\?done=created$/);
	const processPath = new URL(page.url()).pathname;
	await visit(page, `${processPath}/phases/new`);
	await page.fill('#title_ro', 'Consultare publică');
	await page.fill('#startsOn', day(-40));
	await page.fill('#endsOn', day(60));
	await submit(page, 'Adaugă faza', /done=saved/);

	// The consultations module was mounted with the space: its content link leads to the announcement.
	await visit(page, processPath);
	const href = await page.locator('main a[href*="/consultations/"]').first().getAttribute('href');
	const moduleId = href!.split('/').at(-1)!;
	await visit(page, href!);
	await page.fill('#draftTitle_ro', title);
	await page.fill('#explanatoryNote_ro', 'Referat de aprobare: regulamentul din 2008 nu mai corespunde.');
	await page.fill('#draftText_ro', '**Art. 1.** Se aprobă regulamentul.\n\n**Art. 3.** Culoar pietonal de 1,50 m.');
	await page.fill('#contactName', 'Ioana Popescu, Relații cu societatea civilă');
	await page.fill('#contactEmail', 'consultare@primariatm.ro');
	await page.fill('#postalAddress', 'Bd. C.D. Loga nr. 1, Camera 12');
	await submit(page, 'Salvați anunțul', /done=saved/);
	// The publish form offers the legal minimum dates, computed from today.
	expect(await page.locator('main').textContent()).toContain('art. 7(2)');
	await submit(page, 'Publicați anunțul', /done=published/);
	await visit(page, processPath);
	await submit(page, 'Publică procesul', /\/admin\/processes\/[0-9a-f-]{36}\?done=published$/);
	return { processPath, moduleId, publicPath: `/processes/${slug}/consultations/${moduleId}` };
}

/** Moves the consultation back in time (test hook), e.g. past the end of its recommendations window. */
export async function backdate(moduleId: string, days: number) {
	const r = await fetch(`${baseURL()}/test-hooks/consultations`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ moduleId, days })
	});
	expect(r.status).toBe(200);
}
