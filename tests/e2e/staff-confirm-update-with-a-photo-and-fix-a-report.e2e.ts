import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, latestMessage, useBrowser, visit } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';

const open = useBrowser();

interface Story {
	reportId: string;
	registrationNumber: string;
	email: string;
	title: string;
}

/** The newest e-mail to `to` once it mentions `text` (each update sends one). */
async function mailMentioning(to: string, text: string) {
	let body = '';
	await expect
		.poll(
			async () => {
				const message = await latestMessage(to);
				body = `${message.subject ?? ''}\n${message.text}`;
				return body.includes(text);
			},
			{ timeout: 15_000 }
		)
		.toBe(true);
	return body;
}

describe('staff confirm a report, update it with a photo and fix it', () => {
	it('tells the reporter each time, shows the timeline on the public page, and the reporter reopens it from the e-mail', async () => {
		const base = baseURL();
		const r = await fetch(`${base}/test-hooks/reports/staff`, { method: 'POST', headers: { origin: base } });
		expect(r.status).toBe(200);
		const story = (await r.json()) as Story;
		const reportPath = `/admin/reports/${story.reportId}`;
		// The reporter got the registration number at once.
		expect(await mailMentioning(story.email, story.registrationNumber)).toContain(story.registrationNumber);

		// The back office works with JavaScript off.
		const staff = (await open({ javaScriptEnabled: false })).page;
		staff.setDefaultTimeout(20_000);
		await signInAsAdmin(staff, { next: '/admin/reports' });
		await visit(staff, '/admin/reports?q=' + encodeURIComponent(story.registrationNumber));
		await staff.locator('main table').getByRole('link', { name: story.title }).click();
		await staff.waitForURL(new RegExp(`${reportPath}$`));
		await expectAccessible(staff);

		// An empty update is refused with the error summary pointing at the text.
		await staff.selectOption('#update_state', 'confirmed');
		await Promise.all([
			staff.waitForLoadState(),
			staff.getByRole('button', { name: 'Publicați actualizarea' }).click()
		]);
		await expect.poll(() => staff.locator('.error-summary a[href="#update_text"]').count()).toBe(1);
		await expectAccessible(staff);

		// Confirm.
		await staff.selectOption('#update_state', 'confirmed');
		await staff.fill('#update_text', 'Am verificat pe teren: trotuarul este surpat pe 3 metri.');
		await Promise.all([
			staff.waitForURL(/\?done=update$/),
			staff.getByRole('button', { name: 'Publicați actualizarea' }).click()
		]);
		await expectAccessible(staff);
		expect(await mailMentioning(story.email, 'trotuarul este surpat pe 3 metri')).toContain('Confirmată');

		// An update with a photo, keeping the state.
		const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#777' } })
			.jpeg()
			.toBuffer();
		await staff.fill('#update_text', 'Echipa a îngrădit zona și a început lucrarea.');
		await staff.setInputFiles('#update_photos', { name: 'lucrare.jpg', mimeType: 'image/jpeg', buffer: photo });
		await Promise.all([
			staff.waitForURL(/\?done=update$/),
			staff.getByRole('button', { name: 'Publicați actualizarea' }).click()
		]);
		expect(await mailMentioning(story.email, 'a început lucrarea')).toContain(story.registrationNumber);
		expect(await staff.locator('main .timeline img').count()).toBe(1);

		// An internal note stays with staff.
		await staff.fill('#note_note', 'Constructorul revine joi pentru recepție.');
		await Promise.all([staff.waitForURL(/\?done=note$/), staff.getByRole('button', { name: 'Adăugați nota' }).click()]);

		// Fixed.
		await staff.selectOption('#update_state', 'fixed');
		await staff.fill('#update_text', 'Trotuarul a fost refăcut.');
		await Promise.all([
			staff.waitForURL(/\?done=update$/),
			staff.getByRole('button', { name: 'Publicați actualizarea' }).click()
		]);
		await expectAccessible(staff);
		const fixedMail = await mailMentioning(story.email, 'Trotuarul a fost refăcut.');
		expect(fixedMail).toContain('Rezolvată');

		// Everyone sees the timeline with the photo, never the internal note or the reporter's contact.
		const visitor = (await open()).page;
		await visit(visitor, `/reports/${story.reportId}`);
		const timeline = (await visitor.locator('main .timeline').textContent()) ?? '';
		expect(timeline).toContain('trotuarul este surpat pe 3 metri');
		expect(timeline).toContain('a început lucrarea');
		expect(timeline).toContain('Trotuarul a fost refăcut.');
		expect(await visitor.locator('main .timeline img').count()).toBe(1);
		const src = await visitor.locator('main .timeline img').getAttribute('src');
		expect((await fetch(`${base}${src}`)).status).toBe(200);
		const page = (await visitor.locator('main').textContent()) ?? '';
		expect(page).not.toContain('Constructorul revine joi');
		expect(page).not.toContain(story.email);

		// The reporter has no account: the e-mail saying it is fixed carries their link to say "not fixed".
		const link = fixedMail.match(/https?:\/\/\S+\/reopen\?key=[\w-]+/)?.[0];
		expect(link, fixedMail).toBeTruthy();
		const { pathname, search } = new URL(link!);
		const reporter = (await open({ javaScriptEnabled: false })).page;
		// A link with another key is refused, saying what to do instead.
		const forged = await reporter.goto(`${pathname}?key=${'A'.repeat(43)}`);
		expect(forged?.status()).toBe(403);
		expect(await reporter.locator('main h1').textContent()).toBe('Acest link nu funcționează');
		await expectAccessible(reporter);
		await visit(reporter, `${pathname}${search}`);
		expect(await reporter.locator('main').textContent()).toContain(story.registrationNumber);
		const reopen = () => reporter.getByRole('button', { name: 'Nu este rezolvată — redeschideți' }).click();
		await Promise.all([reporter.waitForLoadState(), reopen()]);
		await expect.poll(() => reporter.locator('.error-summary a[href="#reason"]').count()).toBe(1);
		await expectAccessible(reporter);
		await reporter.fill('#reason', 'Trotuarul s-a surpat din nou lângă bordură.');
		await Promise.all([reporter.waitForURL(/\?done=reopened$/), reopen()]);
		await expectAccessible(reporter);
		expect(await reporter.locator('main [role="status"]').first().textContent()).toContain('Ați redeschis sesizarea');
		expect(await reporter.locator('main .timeline').textContent()).toContain('s-a surpat din nou lângă bordură');
		expect(await mailMentioning(story.email, 'a fost redeschisă')).toContain(story.registrationNumber);
		// Reopened, it is no longer fixed: the link offers no form any more.
		await visit(reporter, `${pathname}${search}`);
		expect(await reporter.locator('main form').count()).toBe(0);
	});
});
