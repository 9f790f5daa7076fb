import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { baseURL, expectAccessible, signUpAndConfirm, useBrowser, visit } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';

const open = useBrowser();
// A new citizen for this run; instant e-mails are the default.
const email = `ioan.${Date.now()}@example.ro`;
const password = 'o parolă destul de lungă';

async function notifyCitizen(title: Record<string, string>) {
	const r = await fetch(`${baseURL()}/test-hooks/notify`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, key: 'notifications_resource_updated', data: { title }, link: '/search?q=parc' })
	});
	expect(r.status).toBe(200);
}

async function subjectsFor(to: string): Promise<string[]> {
	const r = await fetch(`${baseURL()}/test-hooks/outbox?to=${encodeURIComponent(to)}&channel=email`);
	return ((await r.json()) as { subject: string }[]).map((m) => m.subject);
}

async function signIn(page: Page) {
	await page.goto('/account/sign-in?next=%2Faccount%2Fnotifications');
	await page.fill('main input[name=email]', email);
	await page.fill('main input[name=password]', password);
	await page.locator('main form button[type=submit]').first().click();
	await page.waitForURL('**/account/notifications');
}

const unreadItems = (page: Page) => page.locator('main li.unread');
const navCount = (page: Page) => page.locator('header .nav-count');

describe('a citizen reads notifications', () => {
	it('sees unread ones first with a count in the header, marks them read and chooses the daily digest', async () => {
		const { page, context } = await open();
		await signUpAndConfirm(page, { name: 'Ioan Muntean', email, password });
		await notifyCitizen({ ro: 'Parcul Rozelor', en: 'Rose Park' });
		await notifyCitizen({ ro: 'Piața Unirii' });
		// Instant e-mails, delivered by the background e-mail job (in either order).
		await expect
			.poll(async () => (await subjectsFor(email)).includes('„Piața Unirii” a fost actualizat.'), { timeout: 20_000 })
			.toBe(true);

		await visit(page, '/account/notifications');
		expect(await page.locator('h1').innerText()).toBe('Notificări');
		expect(await unreadItems(page).count()).toBe(2);
		expect(await unreadItems(page).first().innerText()).toContain('„Piața Unirii” a fost actualizat.');
		expect((await navCount(page).innerText()).replace(/\s+/g, ' ').trim()).toBe('2 necitite');

		await unreadItems(page).first().getByRole('button', { name: 'Marchează ca citită' }).click();
		await expect.poll(() => unreadItems(page).count()).toBe(1);
		await expect.poll(() => page.locator('.notice.success').innerText()).toContain('marcată ca citită');
		expect(await navCount(page).innerText()).toContain('1');
		await expectAccessible(page);

		await page.getByRole('button', { name: 'Marchează toate ca citite' }).click();
		await expect.poll(() => unreadItems(page).count()).toBe(0);
		expect(await navCount(page).count()).toBe(0);

		await page.getByLabel('Un singur e-mail pe zi, dimineața, cu toate noutățile').check();
		await page.getByRole('button', { name: 'Salvează preferințele' }).click();
		await expect.poll(() => page.locator('.notice.success').innerText()).toContain('Preferințele pentru e-mail');
		await page.reload();
		expect(await page.getByLabel('Un singur e-mail pe zi, dimineața, cu toate noutățile').isChecked()).toBe(true);

		// The same list in English, with the translated title.
		await visit(page, '/en/account/notifications');
		expect(await page.locator('main').innerText()).toContain('“Rose Park” was updated.');
		await context.close();
	});

	it('marks a notification read with JavaScript off', async () => {
		await notifyCitizen({ ro: 'Strada Paris' });
		const { page, context } = await open({ javaScriptEnabled: false });
		await signIn(page);
		expect(await unreadItems(page).count()).toBe(1);
		await unreadItems(page).first().getByRole('button', { name: 'Marchează ca citită' }).click();
		await page.waitForURL('**/account/notifications?updated=read');
		expect(await unreadItems(page).count()).toBe(0);
		await expectAccessible(page);
		await context.close();
	});

	it('lets an administrator read the recorded messages in demo mode', async () => {
		// Without JavaScript, so the sign-in form is never raced by hydration.
		const { page, context } = await open({ javaScriptEnabled: false });
		await signInAsAdmin(page, { next: '/admin/outbox' });
		await visit(page, `/admin/outbox?to=${encodeURIComponent('ioan.')}`);
		expect(await page.locator('h1').innerText()).toBe('Mesaje înregistrate (demo)');
		const rows = page.locator('main tbody tr');
		expect(await rows.count()).toBeGreaterThan(0);
		expect(await rows.first().innerText()).toContain(email);
		await context.close();
	});
});
