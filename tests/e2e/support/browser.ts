/** e2e support: Chromium through playwright-core, axe checks on every page, helpers for the development outbox. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject } from 'vitest';

export const baseURL = () => inject('baseURL');

function executablePath(): string {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
		Boolean
	) as string[];
	const found = candidates.find((p) => existsSync(p));
	if (!found) throw new Error('Chromium not found: install the Debian package `chromium` or set CHROMIUM_PATH');
	return found;
}

let browser: Browser | undefined;
/** Pages opened with JavaScript off: axe and page.evaluate cannot run there, so they run on a JS twin. */
const noScript = new WeakSet<Page>();

/** Starts Chromium once per story file; returns a factory for fresh contexts (JavaScript on or off). */
export function useBrowser() {
	beforeAll(async () => {
		browser = await chromium.launch({
			executablePath: executablePath(),
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-dev-shm-usage'
			]
		});
	});
	afterAll(async () => {
		await browser?.close();
	});
	return async (options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}) => {
		const context: BrowserContext = await browser!.newContext({
			baseURL: baseURL(),
			javaScriptEnabled: options.javaScriptEnabled ?? true,
			viewport: options.viewport ?? { width: 1280, height: 900 }
		});
		const page = await context.newPage();
		if (options.javaScriptEnabled === false) noScript.add(page);
		return { context, page };
	};
}

/**
 * Runs `fn` on a JavaScript-enabled twin of a no-JS page (same cookies, URL and viewport), or on the page itself.
 * The twin re-requests the URL with GET, so use it on pages reached by GET or by a redirect after POST.
 */
export async function withScriptablePage<T>(page: Page, fn: (p: Page) => Promise<T>): Promise<T> {
	if (!noScript.has(page)) return fn(page);
	const twin = await browser!.newContext({
		baseURL: baseURL(),
		storageState: await page.context().storageState(),
		viewport: page.viewportSize() ?? undefined
	});
	try {
		const p = await twin.newPage();
		await p.goto(page.url());
		return await fn(p);
	} finally {
		await twin.close();
	}
}

/** Runs axe (WCAG 2.1 A/AA) on the current page and fails the story on any violation. */
export async function expectAccessible(page: Page) {
	const results = await withScriptablePage(page, (p) =>
		new AxeBuilder({ page: p }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
	);
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
	);
	expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** With JavaScript on, waits until the app has hydrated (set by the root layout), so typed input is not reset. */
export async function waitForHydration(page: Page) {
	if (!noScript.has(page)) await page.waitForSelector('html[data-hydrated="true"]', { state: 'attached' });
}

/** Navigates, waits for hydration, and checks the page answered and is accessible. */
export async function visit(page: Page, path: string) {
	const response = await page.goto(path);
	expect(response?.status(), `status of ${path}`).toBeLessThan(400);
	await waitForHydration(page);
	await expectAccessible(page);
	return response;
}

interface OutboxMessage {
	id: number;
	channel: string;
	to: string;
	subject: string | null;
	text: string;
}

/** The newest message recorded for an address (e-mail or SMS), waiting briefly for background delivery. */
export async function latestMessage(to: string, channel = 'email', timeoutMs = 10_000): Promise<OutboxMessage> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		const r = await fetch(`${baseURL()}/test-hooks/outbox?to=${encodeURIComponent(to)}&channel=${channel}`);
		const list = (await r.json()) as OutboxMessage[];
		if (list.length) return list[0];
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`no ${channel} message for ${to}`);
}

/** The first URL in a message body. */
export const linkIn = (text: string) => {
	const found = text.match(/https?:\/\/\S+/);
	if (!found) throw new Error(`no link in: ${text}`);
	return found[0];
};

/** Signs up through the form and opens the confirmation link from the recorded e-mail, which signs the person in. */
export async function signUpAndConfirm(page: Page, who: { name: string; email: string; password: string }) {
	await page.goto('/account/sign-up');
	await page.waitForLoadState('networkidle');
	await page.fill('#name', who.name);
	await page.fill('#email', who.email);
	await page.fill('#password', who.password);
	await page.locator('main form button[type=submit]').first().click();
	await page.waitForURL('**/account/sign-up/check-email');
	await page.goto(linkIn((await latestMessage(who.email, 'email', 20_000)).text));
}
