import { describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, useBrowser, visit, waitForHydration } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';

const open = useBrowser();
// The first demo process has a news module with a pinned, two published and one scheduled announcement.
const slug = 'buget-participativ-2025';

describe('a visitor keeps up with a process and finds it on the map', () => {
	it('reads the process news, subscribes to its feed, and sees the API counts', async () => {
		const { page, context } = await open();
		const api = (await (await page.request.get(`/api/v1/processes/${slug}`)).json()) as {
			data: { id: string; counts: Record<string, number>; modules: { id: string; kind: string }[] };
		};
		const newsModule = api.data.modules.find((m) => m.kind === 'news')!;
		expect(api.data.counts.news_published).toBe(3);

		await visit(page, `/processes/${slug}`);
		expect(await page.locator('head link[rel=alternate][type="application/atom+xml"]').getAttribute('href')).toBe(
			`/feeds/processes/${slug}.atom`
		);
		await visit(page, `/processes/${slug}/news/${newsModule.id}`);
		const titles = await page.locator('main .news-list h2').allInnerTexts();
		// Pinned first, then newest; the scheduled one is not there yet.
		expect(titles).toEqual([
			'A început depunerea propunerilor',
			'Răspunsurile primăriei la primele 20 de propuneri',
			'Întâlniri în cartiere: Fabric, Iosefin și Circumvalațiunii'
		]);
		await page.locator('main').getByRole('link', { name: 'Întâlniri în cartiere' }).click();
		await page.waitForURL(new RegExp(`/news/${newsModule.id}/`));
		await visit(page, page.url());
		expect(await page.locator('main .prose').innerText()).toContain('Casa Tineretului');

		const feed = await page.request.get(`/feeds/processes/${api.data.id}.atom`);
		expect(feed.headers()['content-type']).toContain('application/atom+xml');
		const xml = await feed.text();
		expect(xml).toContain('<title type="text">A început depunerea propunerilor</title>');
		expect(xml).not.toContain('Începe votul');
		await context.close();
	});

	it('staff write an announcement with a photo; the form explains what is missing first', async () => {
		const { page, context } = await open();
		const api = (await (await page.request.get(`/api/v1/processes/${slug}`)).json()) as {
			data: { id: string; modules: { id: string; kind: string }[] };
		};
		const moduleId = api.data.modules.find((m) => m.kind === 'news')!.id;
		await signInAsAdmin(page, { next: `/admin/processes/${api.data.id}/news/${moduleId}/new` });
		await page.locator('main').getByRole('button', { name: 'Salvează anunțul' }).click();
		await page.waitForSelector('.error-summary');
		expect(await page.locator('.error-summary').innerText()).toContain('Titlul anunțului (Română)');
		await expectAccessible(page);
		await page.fill('#title_ro', 'Program prelungit la Centrul de Informare');
		await page.fill(
			'#body_ro',
			'În perioada depunerii propunerilor, centrul este deschis și **sâmbăta**, între 10 și 14.'
		);
		// A 1×1 PNG.
		const png = Buffer.from(
			'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
			'base64'
		);
		await page.setInputFiles('#image', { name: 'centru.png', mimeType: 'image/png', buffer: png });
		await page.fill('#imageAlt_ro', 'Ghișeul Centrului de Informare pentru Cetățeni');
		await page.locator('main').getByRole('button', { name: 'Salvează anunțul' }).click();
		await page.waitForURL(/done=created/);
		await expectAccessible(page);

		const reader = await open({ javaScriptEnabled: false });
		await visit(reader.page, `/processes/${slug}/news/${moduleId}`);
		const titles = await reader.page.locator('main .news-list h2').allInnerTexts();
		expect(titles.slice(0, 2)).toEqual([
			'A început depunerea propunerilor',
			'Program prelungit la Centrul de Informare'
		]);
		const img = reader.page.locator('main .news-list img').first();
		expect(await img.getAttribute('alt')).toBe('Ghișeul Centrului de Informare pentru Cetățeni');
		const file = await reader.page.request.get((await img.getAttribute('src'))!);
		expect(file.status()).toBe(200);
		expect(file.headers()['content-type']).toBe('image/png');
		await reader.context.close();
		await context.close();
	});

	it('finds neighbourhoods on a map with JavaScript, and in a list without it', async () => {
		const withJs = await open();
		await visit(withJs.page, '/neighbourhoods');
		await withJs.page.waitForSelector('main .leaflet-container path.leaflet-interactive');
		expect(await withJs.page.locator('main .leaflet-container path.leaflet-interactive').count()).toBeGreaterThan(30);
		// Outlines and pins are for the eye (the list below has every place as a link): Tab goes from the map to its
		// zoom buttons.
		await withJs.page.locator('main .leaflet-container').focus();
		await withJs.page.keyboard.press('Tab');
		expect(await withJs.page.evaluate(() => document.activeElement?.className)).toContain('leaflet-control-zoom-in');
		await visit(withJs.page, '/neighbourhoods/fabric');
		await withJs.page.waitForSelector('main .leaflet-container');
		expect(await withJs.page.locator('main h1').innerText()).toBe('Fabric');
		await withJs.context.close();

		const noJs = await open({ javaScriptEnabled: false });
		await visit(noJs.page, '/neighbourhoods');
		expect(await noJs.page.locator('main .leaflet-container').count()).toBe(0);
		await expect.poll(() => noJs.page.locator('main .map-static-note').innerText()).toContain('JavaScript');
		await noJs.page.locator('main .map-list').getByRole('link', { name: 'Iosefin' }).click();
		await noJs.page.waitForURL(/\/neighbourhoods\/iosefin$/);
		expect(await noJs.page.locator('main h1').innerText()).toBe('Iosefin');
		await noJs.context.close();
	});

	it('a citizen places a pin by keyboard or by click; without JavaScript the same fields are plain inputs', async () => {
		const citizen = { email: 'ana.popescu@demo.vocea.local', password: 'vocea-demo-2026' };
		const api = (await (await fetch(`${baseURL()}/api/v1/processes/timisoara-decide`)).json()) as {
			data: { modules: { id: string; kind: string }[] };
		};
		const proposals = api.data.modules.find((m) => m.kind === 'proposals');
		expect(proposals, 'the demo process has a proposals module').toBeDefined();
		const path = `/processes/timisoara-decide/proposals/${proposals!.id}/new`;
		const { page, context } = await open();
		await page.goto(`/account/sign-in?next=${encodeURIComponent(path)}`);
		await waitForHydration(page);
		await page.fill('main input[name=email]', citizen.email);
		await page.fill('main input[name=password]', citizen.password);
		await page.locator('main form button[type=submit]').first().click();
		await page.waitForURL(new RegExp(`${path}$`));
		await visit(page, path);
		const map = page.locator('main .place-picker .leaflet-container');
		await map.waitFor();
		await map.focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => page.inputValue('#place_lat')).not.toBe('');
		const [lat, lng] = [Number(await page.inputValue('#place_lat')), Number(await page.inputValue('#place_lng'))];
		expect(lat).toBeGreaterThan(45.66);
		expect(lat).toBeLessThan(45.84);
		expect(lng).toBeGreaterThan(21.1);
		expect(lng).toBeLessThan(21.38);
		const box = (await map.boundingBox())!;
		await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.25);
		await expect.poll(() => page.inputValue('#place_lat')).not.toBe(String(lat));
		expect(Number(await page.inputValue('#place_lat'))).toBeGreaterThan(lat);
		await expectAccessible(page);

		const noJs = await context.browser()!.newContext({
			baseURL: baseURL(),
			javaScriptEnabled: false,
			storageState: await context.storageState()
		});
		const plain = await noJs.newPage();
		await plain.goto(path);
		expect(await plain.locator('main .place-picker .leaflet-container').count()).toBe(0);
		for (const id of ['place_address', 'place_neighbourhood_id', 'place_lat', 'place_lng'])
			expect(await plain.locator(`main #${id}`).count(), id).toBe(1);
		await noJs.close();
		await context.close();
	});
});
