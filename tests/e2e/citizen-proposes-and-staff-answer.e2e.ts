import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseURL, signUpAndConfirm, useBrowser, visit } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';

const open = useBrowser();
const run = Date.now();
const ana = { name: 'Ana Pop', email: `ana.propune.${run}@example.ro` };
const bogdan = { name: 'Bogdan Ionescu', email: `bogdan.sustine.${run}@example.ro` };
const password = 'o parolă destul de lungă';
const title = `Rasteluri de biciclete la Gara de Nord ${run % 10_000}`;

async function subjectsFor(to: string): Promise<string[]> {
	const r = await fetch(`${baseURL()}/test-hooks/outbox?to=${encodeURIComponent(to)}&channel=email`);
	return ((await r.json()) as { subject: string }[]).map((m) => m.subject);
}

/** A phone photo with a GPS position in its EXIF. */
const photo = () =>
	sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } })
		.jpeg()
		.withExif({
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '21/1 12/1 0/1' }
		})
		.toBuffer();

let proposalPath = '';

describe('a citizen proposes, another supports and comments, staff answer, both are told', () => {
	it('a citizen finds the proposals of Timișoara Decide! and publishes one with a photo', async () => {
		const { page, context } = await open();
		await signUpAndConfirm(page, { ...ana, password });
		await visit(page, '/processes/timisoara-decide');
		await page.locator('main a[href*="/proposals/"]').first().click();
		await page.waitForURL(/\/proposals\/[^/]+$/);
		await visit(page, new URL(page.url()).pathname + '?sort=supported');
		expect(await page.locator('h1').innerText()).toBe('Propuneri');
		expect(await page.locator('main .proposal-list > li').count()).toBeGreaterThan(5);
		const listPath = new URL(page.url()).pathname;
		// A random order gets a seed in the URL (so the next page continues the same order); the map has a list twin.
		await visit(page, `${listPath}?sort=random`);
		expect(new URL(page.url()).searchParams.get('seed')).toMatch(/^\d+$/);
		await visit(page, `${listPath}?view=map`);
		expect(await page.locator('main').innerText()).toContain('Propuneri cu loc indicat');
		await visit(page, listPath);

		await page.getByRole('link', { name: 'Faceți o propunere' }).click();
		await page.waitForURL(/\/new$/);
		await visit(page, new URL(page.url()).pathname);
		await page.getByLabel('Titlu').fill(title);
		await page
			.getByLabel('Descriere')
			.fill(
				'Lângă gară nu există unde să lași bicicleta în siguranță. Propun **rasteluri acoperite** pentru 40 de biciclete.'
			);
		await page.locator('#place_neighbourhood_id').selectOption({ index: 1 });
		await page.locator('#photos').setInputFiles({ name: 'gara.jpg', mimeType: 'image/jpeg', buffer: await photo() });
		await page.getByRole('button', { name: 'Publicați propunerea' }).click();
		await page.waitForURL(/\/proposals\/[^/]+\/[^/]+\?done=created$/);
		proposalPath = new URL(page.url()).pathname;
		await visit(page, `${proposalPath}?done=created`);
		expect(await page.locator('.panel-confirm').innerText()).toContain('Propunerea dumneavoastră a fost publicată');
		expect(await page.locator('h1').innerText()).toBe(title);
		expect(await page.locator('.prose strong').innerText()).toBe('rasteluri acoperite');
		const src = await page.locator('.photos img').getAttribute('src');
		const served = await fetch(`${baseURL()}${src}`);
		expect(served.headers.get('content-type')).toBe('image/jpeg');
		expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).exif).toBeUndefined();
		await context.close();
	});

	it('another citizen supports it and comments', async () => {
		const { page, context } = await open();
		await signUpAndConfirm(page, { ...bogdan, password });
		await visit(page, proposalPath);
		await page.getByRole('button', { name: /^Susțin/ }).click();
		await page.waitForURL(/done=supported/);
		expect(await page.locator('#supports').innerText()).toContain('Susțineri: 1');
		expect(await page.locator('#supports').innerText()).toContain('O susțineți');
		await page.locator('#comment-body').fill('Foarte bună idee, merg zilnic cu bicicleta la gară.');
		await page.getByRole('button', { name: 'Publică comentariul' }).click();
		await expect
			.poll(() => page.locator('#comments').innerText(), { timeout: 15_000 })
			.toContain('merg zilnic cu bicicleta');
		await visit(page, proposalPath);
		await context.close();
	});

	it('staff publish the official answer; the author and the supporter are notified in the app and by e-mail', async () => {
		const { page, context } = await open({ javaScriptEnabled: false });
		const [, , slug, , moduleId, proposalId] = proposalPath.split('/');
		const adminPath = `/admin/processes/${await spaceIdOf(slug)}/proposals/${moduleId}/${proposalId}`;
		await signInAsAdmin(page, { next: adminPath });
		await visit(page, adminPath);
		await page.getByLabel('Acceptată', { exact: true }).check();
		await page.locator('#answer_ro').fill('Rastelurile vor fi montate în primăvară, împreună cu CFR.');
		await page.getByLabel('Cost estimat în lei (opțional)').fill('45000');
		await page.getByRole('button', { name: 'Publicați răspunsul' }).click();
		await page.waitForURL(/done=answered/);
		expect(await page.locator('.notice.success').innerText()).toContain('Răspunsul a fost publicat');
		await context.close();

		for (const who of [ana, bogdan])
			await expect
				.poll(async () => (await subjectsFor(who.email)).some((s) => s.includes(title) && s.includes('Acceptată')), {
					timeout: 20_000
				})
				.toBe(true);

		const citizen = await open();
		await signIn(citizen.page, bogdan);
		await visit(citizen.page, '/account/notifications');
		expect(await citizen.page.locator('main').innerText()).toContain(title);
		await visit(citizen.page, proposalPath);
		const answer = await citizen.page.locator('main').innerText();
		expect(answer).toContain('Rastelurile vor fi montate în primăvară');
		expect(answer).toContain('Răspuns oficial publicat');
		await citizen.context.close();
	});
});

async function spaceIdOf(slug: string): Promise<string> {
	const r = await fetch(`${baseURL()}/api/v1/processes/${slug}`);
	return ((await r.json()) as { data: { id: string } }).data.id;
}

async function signIn(page: Page, who: { email: string }) {
	await page.goto('/account/sign-in?next=%2Faccount%2Fnotifications');
	await page.waitForLoadState('networkidle');
	await page.fill('main input[name=email]', who.email);
	await page.fill('main input[name=password]', password);
	await page.locator('main form button[type=submit]').first().click();
	await page.waitForURL('**/account/notifications');
}
