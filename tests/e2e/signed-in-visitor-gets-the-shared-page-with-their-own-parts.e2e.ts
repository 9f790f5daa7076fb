import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseURL, signUpAndConfirm, useBrowser, visit } from './support/browser.ts';

// ADR 0007: a signed-in visitor whose browser runs JavaScript gets the process page and the proposal list rendered for
// every signed-in visitor alike (from the page cache), with their own parts attached as JSON and applied after
// hydration; without JavaScript the page is rendered for them in full.
const open = useBrowser();
const run = Date.now();
const who = { name: `Irina Shared ${run % 100_000}`, email: `irina.shared.${run}@example.ro` };
const password = 'o parolă destul de lungă';

const followSection = (page: Page) => page.locator('main .follow');

describe('a signed-in visitor gets the shared page with their own parts', () => {
	let listPath = '';
	let supportedTitle = '';

	it('sees the shared process page, then their own follow state and header, and follows the process', async () => {
		const { page, context } = await open();
		await signUpAndConfirm(page, { ...who, password });
		expect((await context.cookies()).some((c) => c.name === 'vocea_js')).toBe(true);

		const response = await visit(page, '/processes/timisoara-decide');
		// Served from the shared cache (a miss fills it): the rendered HTML carries nothing of this person, only the
		// attached parts do, and the answer is private.
		expect(response?.headers()['x-vocea-cache']).toMatch(/^(hit|miss)$/);
		expect(response?.headers()['cache-control']).toContain('no-store');
		const html = await response!.text();
		const [rendered, attached] = html.split('<script type="application/json" id="vocea-personal">');
		expect(rendered).not.toContain(who.name);
		expect(attached).toContain(`"name":"${who.name}"`);
		expect(html).not.toContain(who.email);
		// Their own parts are applied after hydration: the header is theirs, the follow button is a signed-in person's.
		await expect.poll(() => followSection(page).locator('button').count()).toBe(1);
		expect(await page.locator('header.site').innerText()).toContain('Contul meu');
		expect(await page.locator('header.site').innerText()).not.toContain('Autentificare');
		await followSection(page)
			.getByRole('button', { name: /^Urmărește/ })
			.click();
		await page.waitForURL(/\/processes\/timisoara-decide/);
		await visit(page, '/processes/timisoara-decide');
		await expect.poll(() => followSection(page).innerText()).toContain('Urmărești');
		expect(await followSection(page).getByRole('button').innerText()).toContain('Nu mai urmări');

		// A proposal they support is marked in the shared list.
		await page.locator('main a[href*="/proposals/"]').first().click();
		await page.waitForURL(/\/proposals\/[^/]+$/);
		listPath = new URL(page.url()).pathname;
		await visit(page, listPath);
		const first = page.locator('main .proposal-list > li').first();
		supportedTitle = await first.locator('h2').innerText();
		await first.locator('h2 a').click();
		await page.waitForURL(/\/proposals\/[^/]+\/[^/]+$/);
		await page.getByRole('button', { name: /^Susțin/ }).click();
		await page.waitForURL(/done=supported/);
		const listResponse = await visit(page, listPath);
		expect(listResponse?.headers()['x-vocea-cache']).toMatch(/^(hit|miss)$/);
		const item = page.locator('main .proposal-list > li', { hasText: supportedTitle });
		await expect.poll(() => item.innerText()).toContain('O susțineți');
		// The button to propose is this person's (signed in), not the sign-in link of anonymous visitors.
		expect(await page.locator('main').innerText()).not.toContain('Autentificați-vă pentru a propune');
		await context.close();
	});

	it('without JavaScript, gets a notice on a shared page and, through it, the page rendered for them', async () => {
		const { page: withJs, context: jsContext } = await open();
		await signIn(withJs);
		const state = await jsContext.storageState();
		await jsContext.close();
		// The same browser with JavaScript turned off afterwards: it still carries the cookie saying it runs JavaScript.
		const { page, context } = await open({ javaScriptEnabled: false });
		await context.addCookies(state.cookies);
		await visit(page, '/processes/timisoara-decide');
		const notice = page.locator('main noscript');
		expect(await notice.count()).toBe(1);
		await page.getByRole('link', { name: 'Arată pagina mea fără JavaScript' }).click();
		await page.waitForURL(/\/processes\/timisoara-decide$/);
		await visit(page, '/processes/timisoara-decide');
		expect((await context.cookies()).some((c) => c.name === 'vocea_js')).toBe(false);
		expect(await followSection(page).innerText()).toContain('Urmărești');
		expect(await page.locator('header.site').innerText()).toContain('Contul meu');
		const listResponse = await visit(page, listPath);
		expect(listResponse?.headers()['x-vocea-cache']).toBeUndefined();
		const item = page.locator('main .proposal-list > li', { hasText: supportedTitle });
		expect(await item.innerText()).toContain('O susțineți');
		await context.close();
	});

	it('an anonymous browser that runs JavaScript still gets the anonymous page, with nobody attached', async () => {
		const get = () =>
			fetch(`${baseURL()}/processes/timisoara-decide`, { headers: { accept: 'text/html', cookie: 'vocea_js=1' } });
		await get();
		const res = await get();
		expect(res.headers.get('x-vocea-cache')).toBe('hit');
		const html = await res.text();
		expect(html).not.toContain('id="vocea-personal"');
		expect(html).toContain('/account/sign-in');
	});
});

async function signIn(page: Page) {
	await page.goto('/account/sign-in');
	await page.waitForLoadState('networkidle');
	await page.fill('#email', who.email);
	await page.fill('#password', password);
	await page.locator('main form button[type=submit]').first().click();
	await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
	// One JavaScript page after signing in, so the browser has set its cookie.
	await visit(page, '/');
}
