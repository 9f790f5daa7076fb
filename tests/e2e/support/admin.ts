import { waitForHydration } from './browser.ts';
/**
 * e2e support: sign in as the seeded administrator, turning on two-factor sign-in the first time and answering the
 * TOTP challenge afterwards. The TOTP secret is kept in the run's data folder so every story file reuses it.
 */
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';

interface TwoFactorState {
	/** Base32, as shown on the set-up page and inside the otpauth:// URI. */
	secret: string;
	backupCodes: string[];
}

let cached: TwoFactorState | undefined;

const stateFile = () => join(inject('e2eDataDir'), 'admin-two-factor.json');

/** The administrator's two-factor secret and backup codes, once set up in this run. */
export function adminTwoFactor(): TwoFactorState | undefined {
	if (cached) return cached;
	if (existsSync(stateFile())) cached = JSON.parse(readFileSync(stateFile(), 'utf8')) as TwoFactorState;
	return cached;
}

/** Records the administrator's secret when a story sets two-factor sign-in up by hand. */
export function rememberAdminTwoFactor(state: TwoFactorState) {
	cached = state;
	writeFileSync(stateFile(), JSON.stringify(state), { mode: 0o600 });
}

function base32Decode(input: string): Buffer {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	const clean = input.toUpperCase().replace(/[^A-Z2-7]/g, '');
	let bits = 0;
	let value = 0;
	const out: number[] = [];
	for (const ch of clean) {
		value = (value << 5) | alphabet.indexOf(ch);
		bits += 5;
		if (bits >= 8) {
			out.push((value >>> (bits - 8)) & 0xff);
			bits -= 8;
		}
	}
	return Buffer.from(out);
}

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), the algorithm better-auth's twoFactor plugin verifies. */
export function totpCode(secret: string, at = Date.now()): string {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
	const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
	const offset = mac[mac.length - 1] & 0x0f;
	const n = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
	return String(n).padStart(6, '0');
}

const locales = ['en', 'hu', 'de', 'sr', 'uk'];
/** '/en/account/two-factor' → '/account/two-factor' */
const delocalize = (pathname: string) => {
	const [, first, ...rest] = pathname.split('/');
	return locales.includes(first) ? `/${rest.join('/')}` : pathname;
};
const localize = (path: string, locale?: string) => (locale && locale !== 'ro' ? `/${locale}${path}` : path);

/** Submits the form that contains `field`, then waits until `settled` holds or an error summary shows up. */
async function submitFormWith(page: Page, field: string, settled: () => Promise<boolean>) {
	const form = page.locator('main form', { has: page.locator(field) }).first();
	await form.locator('button[type="submit"], button:not([type])').first().click();
	// With JavaScript the form is enhanced (no full navigation), so poll for the outcome instead of a load event.
	const until = Date.now() + 30_000;
	while (Date.now() < until) {
		if (await settled().catch(() => false)) return;
		if (
			await page
				.locator('.error-summary')
				.count()
				.catch(() => 0)
		) {
			const problem = await page.locator('.error-summary').allInnerTexts();
			throw new Error(`Form refused at ${page.url()}: ${problem.join(' ')}`);
		}
		await page.waitForTimeout(100);
	}
	throw new Error(`No outcome after submitting ${field} at ${page.url()}`);
}

const pathOf = (page: Page) => delocalize(new URL(page.url()).pathname);
const leftPath = (page: Page, path: string) => async () => pathOf(page) !== path;

async function answerChallenge(page: Page) {
	const state = adminTwoFactor();
	if (!state) throw new Error('The administrator has two-factor sign-in on, but this run never recorded its secret.');
	await page.locator('main input[name="code"]').fill(totpCode(state.secret));
	await submitFormWith(page, 'input[name="code"]', leftPath(page, '/account/sign-in/two-factor'));
}

/** Turns on two-factor sign-in on /account/two-factor: password → secret (+ QR) → code → backup codes. */
async function enableTwoFactor(page: Page, password: string) {
	if (await page.locator('main input[name="password"]').count()) {
		await page.locator('main input[name="password"]').fill(password);
		await submitFormWith(page, 'input[name="password"]', async () => (await page.locator('#totp-secret').count()) > 0);
	}
	const secret = (await page.locator('#totp-secret').innerText()).replace(/\s+/g, '');
	expect(secret, 'TOTP secret shown on the set-up page').toMatch(/^[A-Z2-7]{16,}$/);
	await page.locator('main input[name="code"]').fill(totpCode(secret));
	await submitFormWith(page, 'input[name="code"]', async () => (await page.locator('#backup-codes li').count()) > 0);
	const backupCodes = await page.locator('#backup-codes li').allInnerTexts();
	expect(backupCodes.length, 'backup codes shown once after set-up').toBeGreaterThan(0);
	rememberAdminTwoFactor({ secret, backupCodes: backupCodes.map((c) => c.trim()) });
}

/**
 * Signs `page` in as the seeded administrator (cookies of the context are cleared first) and lands on `next`
 * (default the admin home). Works whether or not two-factor sign-in was already set up in this run.
 */
export async function signInAsAdmin(
	page: Page,
	{ next = '/admin', locale }: { next?: string; locale?: string } = {}
): Promise<void> {
	const email = inject('adminEmail');
	const password = inject('adminPassword');
	await page.context().clearCookies();
	await page.goto(localize(`/account/sign-in?next=${encodeURIComponent(next)}`, locale));
	await waitForHydration(page);
	await page.locator('main input[name="email"]').fill(email);
	await page.locator('main input[name="password"]').fill(password);
	await submitFormWith(page, 'input[name="password"]', leftPath(page, '/account/sign-in'));

	for (let step = 0; step < 6; step++) {
		const path = pathOf(page);
		if (path === '/account/sign-in/two-factor') await answerChallenge(page);
		else if (path === '/account/two-factor') {
			await enableTwoFactor(page, password);
			await page.goto(localize(next, locale));
		} else break;
	}
	if (pathOf(page) !== next.split('?')[0]) await page.goto(localize(next, locale));
	const path = pathOf(page);
	if (path === '/account/two-factor' || path.startsWith('/account/sign-in')) {
		throw new Error(`signInAsAdmin: stuck at ${page.url()}`);
	}
}
