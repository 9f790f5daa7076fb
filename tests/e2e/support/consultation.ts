/** e2e support: an administrator (already signed in on `page`) creates and publishes a Law 52/2003 consultation. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseURL, expectAccessible, visit } from './browser.ts';

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function submit(page: Page, button: string, until: RegExp) {
	console.log('STEP consultation.ts 1', Date.now());
	await Promise.all([
		page.waitForURL(until),
		page.locator('main').getByRole('button', { name: button }).first().click()
	]);
	console.log('STEP consultation.ts 2', Date.now());
	await expectAccessible(page);
}

export async function createConsultation(page: Page, { slug, title }: { slug: string; title: string }) {
	console.log('STEP consultation.ts 3', Date.now());
	await visit(page, '/admin/processes/new');
	console.log('STEP consultation.ts 4', Date.now());
	await page.check('#kind-consultation');
	console.log('STEP consultation.ts 5', Date.now());
	await page.fill('#slug', slug);
	console.log('STEP consultation.ts 6', Date.now());
	await page.fill('#title_ro', title);
	console.log('STEP consultation.ts 7', Date.now());
	await page.fill('#summary_ro', 'Proiect de hotărâre a Consiliului Local în consultare publică.');
	console.log('STEP consultation.ts 8', Date.now());
	await page.fill('#description_ro', 'Primăria supune dezbaterii publice proiectul, conform Legii 52/2003.');
	console.log('STEP consultation.ts 9', Date.now());
	await page.fill('#organiser_ro', 'Direcția Generală Urbanism');
	console.log('STEP consultation.ts 10', Date.now());
	await page.fill('#decides_ro', 'Consiliul Local adoptă hotărârea.');
	console.log('STEP consultation.ts 11', Date.now());
	await page.fill('#expectedResult_ro', 'Hotărârea adoptată și sinteza recomandărilor.');
	console.log('STEP consultation.ts 12', Date.now());
	await submit(page, 'Creează procesul', /\/admin\/processes\/[0-9a-f-]{36}\?done=created$/);
	const processPath = new URL(page.url()).pathname;
	console.log('STEP consultation.ts 13', Date.now());
	await visit(page, `${processPath}/phases/new`);
	console.log('STEP consultation.ts 14', Date.now());
	await page.fill('#title_ro', 'Consultare publică');
	console.log('STEP consultation.ts 15', Date.now());
	await page.fill('#startsOn', day(-40));
	console.log('STEP consultation.ts 16', Date.now());
	await page.fill('#endsOn', day(60));
	console.log('STEP consultation.ts 17', Date.now());
	await submit(page, 'Adaugă faza', /done=saved/);

	// The consultations module was mounted with the space: its content link leads to the announcement.
	console.log('STEP consultation.ts 18', Date.now());
	await visit(page, processPath);
	const href = await page.locator('main a[href*="/consultations/"]').first().getAttribute('href');
	const moduleId = href!.split('/').at(-1)!;
	console.log('STEP consultation.ts 19', Date.now());
	await visit(page, href!);
	console.log('STEP consultation.ts 20', Date.now());
	await page.fill('#draftTitle_ro', title);
	console.log('STEP consultation.ts 21', Date.now());
	await page.fill('#explanatoryNote_ro', 'Referat de aprobare: regulamentul din 2008 nu mai corespunde.');
	console.log('STEP consultation.ts 22', Date.now());
	await page.fill('#draftText_ro', '**Art. 1.** Se aprobă regulamentul.\n\n**Art. 3.** Culoar pietonal de 1,50 m.');
	console.log('STEP consultation.ts 23', Date.now());
	await page.fill('#contactName', 'Ioana Popescu, Relații cu societatea civilă');
	console.log('STEP consultation.ts 24', Date.now());
	await page.fill('#contactEmail', 'consultare@primariatm.ro');
	console.log('STEP consultation.ts 25', Date.now());
	await page.fill('#postalAddress', 'Bd. C.D. Loga nr. 1, Camera 12');
	console.log('STEP consultation.ts 26', Date.now());
	await submit(page, 'Salvați anunțul', /done=saved/);
	// The publish form offers the legal minimum dates, computed from today.
	expect(await page.locator('main').textContent()).toContain('art. 7(2)');
	console.log('STEP consultation.ts 27', Date.now());
	await submit(page, 'Publicați anunțul', /done=published/);
	console.log('STEP consultation.ts 28', Date.now());
	await visit(page, processPath);
	console.log('STEP consultation.ts 29', Date.now());
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
