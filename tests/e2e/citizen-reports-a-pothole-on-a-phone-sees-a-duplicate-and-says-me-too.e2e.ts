/**
 * A neighbour has already reported a pothole at Piața Victoriei. A citizen on a phone-sized screen reports the same
 * pothole with a photo taken there: with their consent the photo's GPS position places the pin (and is stripped from
 * the photo), the form shows the neighbour's report as a possible duplicate, and the citizen chooses "me too"
 * instead of sending a new one — the report then counts their support and they follow it.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { baseURL, expectAccessible, signUpAndConfirm, useBrowser, visit } from './support/browser.ts';

const open = useBrowser();
const stamp = Date.now();
const email = `ioana.${stamp}@example.ro`;
const password = 'o parolă destul de lungă';

/** A JPEG as a phone takes it, with the EXIF GPS position of Piața Victoriei (45.7531 N, 21.225833 E). */
const phonePhoto = () =>
	sharp({ create: { width: 64, height: 48, channels: 3, background: '#556677' } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'PhoneMaker' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '45/1 45/1 1116/100',
				GPSLongitudeRef: 'E',
				GPSLongitude: '21/1 13/1 33/1'
			}
		})
		.toBuffer();

describe('a citizen reports a pothole with a photo on a phone, is shown a duplicate and chooses me too', () => {
	it('pre-fills the pin from the photo, offers the neighbour’s report and adds the support', async () => {
		// The neighbour's report, sent without JavaScript with the pin typed in.
		const neighbour = (await open({ javaScriptEnabled: false })).page;
		await neighbour.goto('/reports/new');
		const title = `Groapă adâncă la Piața Victoriei ${stamp}`;
		await neighbour.check('#category-groapa');
		await neighbour.check('#answer_dangerous-groapa-yes');
		await neighbour.fill('#title', title);
		await neighbour.fill('#description', 'Groapă adâncă pe banda dinspre Operă, mașinile frânează brusc.');
		await neighbour.fill('#place_lat', '45.7531');
		await neighbour.fill('#place_lng', '21.225833');
		await neighbour.fill('#contact_name', 'Dan Popa');
		await neighbour.fill('#contact_email', `dan.${stamp}@example.ro`);
		await neighbour.locator('main form[action="?/check"] button[type=submit]').click();
		const sendAnyway = neighbour.locator('main form[action="?/send"] button[type=submit]');
		if (!neighbour.url().includes('/sent')) await sendAnyway.first().click();
		await neighbour.waitForURL('**/reports/*/sent');
		const neighbourReport = new URL(neighbour.url()).pathname.replace(/\/sent$/, '');

		// The citizen, on a phone, signed in.
		const { page } = await open({ viewport: { width: 375, height: 667 } });
		page.setDefaultTimeout(20_000);
		await signUpAndConfirm(page, { name: 'Ioana Mureșan', email, password });
		await visit(page, '/reports/new');
		await expect.poll(() => page.locator('h1').count()).toBe(1);
		await page.check('#category-groapa');
		// With JavaScript only the chosen category's questions show.
		await page.check('#answer_dangerous-yes');
		await page.fill('#answer_depth_cm', '12');
		await page.setInputFiles('#photos', {
			name: 'IMG_2041.jpg',
			mimeType: 'image/jpeg',
			buffer: await phonePhoto()
		});
		await page.check('#gps_consent');
		await page.fill('#description', 'Aceeași groapă, s-a adâncit după ploaie.');
		await page.locator('main form[action="?/check"] button[type=submit]').click();

		// Step 2: the neighbour's report, at the photo's position, is offered first.
		await expect.poll(async () => (await page.locator('h1').textContent())?.trim()).toBe('Este aceeași problemă?');
		await expectAccessible(page);
		const card = page.locator('.duplicates li', { hasText: title });
		await expect.poll(() => card.count()).toBe(1);
		await expect.poll(async () => (await card.textContent()) ?? '').toContain('la 0 m');
		await card.getByRole('button', { name: /Și eu/ }).click();

		// The report counts the support, and the citizen follows it.
		await page.waitForURL(`**${neighbourReport}?done=supported`);
		await visit(page, page.url());
		await expect
			.poll(async () => (await page.locator('main').textContent()) ?? '')
			.toContain('Persoane cu aceeași problemă: 1');
		await expect
			.poll(async () => (await page.locator('main').textContent()) ?? '')
			.toContain('Ați spus „Și eu” la această sesizare');
		await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain('Urmărești');
		// No second report was registered for the citizen.
		const r = await fetch(`${baseURL()}/test-hooks/outbox?to=${encodeURIComponent(email)}&channel=email`);
		const texts = ((await r.json()) as { text: string }[]).map((m) => m.text).join('\n');
		expect(texts).not.toContain('a fost înregistrată cu numărul');
	});
});
