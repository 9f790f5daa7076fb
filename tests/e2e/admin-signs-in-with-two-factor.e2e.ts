/**
 * A new administrator (who has never set up two-factor sign-in) signs in, is sent to set up two-factor sign-in, turns it on, signs out, signs in again with a
 * TOTP code, reaches the admin area, grants a role to a citizen and finds the change in the audit log.
 */
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { expectAccessible, useBrowser, visit, waitForHydration } from './support/browser.ts';
import { adminTwoFactor, signInAsAdmin, totpCode } from './support/admin.ts';

const open = useBrowser();

describe('an administrator signs in with two-factor', () => {
	it('sets up two-factor, signs in with a code, grants a role and sees it in the audit log', async () => {
		const { page, context } = await open();

		// A citizen signs up, so there is someone to grant a role to.
		const citizen = `ana.${Date.now()}@example.ro`;
		await visit(page, '/account/sign-up');
		await page.locator('input[name="name"]').fill('Ana Popescu');
		await page.locator('input[name="email"]').fill(citizen);
		await page.locator('input[name="password"]').fill('o-parola-lunga-1');
		await page.locator('main form button[type="submit"]').click();
		await page.waitForURL((u) => !u.pathname.endsWith('/account/sign-up'));
		await context.clearCookies();

		// The administrator asks for the admin area and is sent to sign in.
		await page.goto('/admin');
		await waitForHydration(page);
		expect(new URL(page.url()).pathname).toBe('/account/sign-in');
		expect(new URL(page.url()).searchParams.get('next')).toBe('/admin');
		await expectAccessible(page);
		await page.locator('main input[name="email"]').fill(inject('freshAdminEmail'));
		await page.locator('main input[name="password"]').fill(inject('adminPassword'));
		await page.locator('main form button[type="submit"]').first().click();

		// Roles are not in force without two-factor sign-in: the admin area sends them to set it up.
		await page.waitForURL((u) => u.pathname === '/account/two-factor');
		await expect.poll(() => page.locator('.notice.warning').count()).toBe(1);
		await expectAccessible(page);
		await page.locator('main input[name="password"]').fill(inject('adminPassword'));
		await page.locator('main form button[type="submit"]').click();
		await page.locator('#totp-secret').waitFor();
		await expect.poll(() => page.locator('.qr svg').count()).toBe(1);
		await expectAccessible(page);
		const secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');

		// A wrong code is refused with an error summary.
		await page.locator('main input[name="code"]').fill('000000' === totpCode(secret) ? '111111' : '000000');
		await page.locator('main form button[type="submit"]').click();
		await page.locator('.error-summary').waitFor();
		await expectAccessible(page);

		await page.locator('main input[name="code"]').fill(totpCode(secret));
		await page.locator('main form button[type="submit"]').click();
		await page.locator('#backup-codes li').first().waitFor();
		expect(await page.locator('#backup-codes li').count()).toBeGreaterThanOrEqual(8);
		await expectAccessible(page);
		await page.locator('a.button', { hasText: /./ }).click();
		await page.waitForURL((u) => u.pathname === '/admin');

		// Sign out, then sign in again: this time a code is asked for.
		await page.locator('header form[action$="/account/sign-out"] button').click();
		await page.waitForURL((u) => u.pathname.startsWith('/account/sign-out') || u.pathname === '/');
		await context.clearCookies();
		await page.goto('/account/sign-in?next=%2Fadmin');
		await waitForHydration(page);
		await page.locator('main input[name="email"]').fill(inject('freshAdminEmail'));
		await page.locator('main input[name="password"]').fill(inject('adminPassword'));
		await page.locator('main form button[type="submit"]').first().click();
		await page.waitForURL((u) => u.pathname === '/account/sign-in/two-factor');
		await expectAccessible(page);
		await page.locator('main input[name="code"]').fill(totpCode(secret));
		await page.locator('main form button[type="submit"]').click();
		await page.waitForURL((u) => u.pathname === '/admin');
		await expect.poll(() => page.locator('h1').innerText()).toBe('Administrare');
		await expect.poll(() => page.locator('#embedded-database').count()).toBe(1);
		await expectAccessible(page);

		// Grant the moderator role to the citizen, in English this time.
		await visit(page, `/en/admin/users?q=${encodeURIComponent(citizen)}`);
		await page.getByRole('link', { name: 'Ana Popescu' }).click();
		await page.waitForURL((u) => /\/en\/admin\/users\/[^/]+$/.test(u.pathname));
		const userId = new URL(page.url()).pathname.split('/').pop()!;
		await page.locator('select#role').selectOption('moderator');
		await page.getByRole('button', { name: 'Grant role' }).first().click();
		await expect.poll(() => page.locator('#platform-roles').innerText()).toContain('Moderator');
		await expect.poll(() => page.locator('.notice.success').count()).toBe(1);
		await expectAccessible(page);

		// The audit log shows who granted what to whom.
		await visit(page, `/en/admin/audit?action=user.grant_role&resourceId=${userId}`);
		const rows = page.locator('#audit-entries tbody tr');
		await expect.poll(() => rows.count()).toBe(1);
		const row = await rows.first().innerText();
		expect(row).toContain('user.grant_role');
		expect(row).toContain(inject('freshAdminEmail'));
		expect(row).toContain('moderator');
		expect(row).toContain('127.0.0.1');
		await context.close();
	});

	it('signs in again with the helper other stories use, answering the challenge', async () => {
		const { page, context } = await open();
		await signInAsAdmin(page, { next: '/admin/neighbourhoods' });
		expect(adminTwoFactor()?.secret).toMatch(/^[A-Z2-7]+$/);
		expect(new URL(page.url()).pathname).toBe('/admin/neighbourhoods');
		await expectAccessible(page);
		for (const path of [
			'/admin/zones',
			'/admin/zones/new',
			'/admin/departments',
			'/admin/departments/new',
			'/admin/neighbourhoods/new',
			'/admin/verifications/census',
			'/en/admin/verifications/in-person',
			'/en/admin/users',
			'/account/two-factor',
			'/account/verify',
			'/en/account/verify'
		])
			await visit(page, path);
		await context.close();
	});
});
