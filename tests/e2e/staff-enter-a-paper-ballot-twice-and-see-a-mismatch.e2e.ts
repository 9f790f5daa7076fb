/**
 * Staff set up a voting desk, check a citizen in person and record their paper ballot; two staff members type the
 * same paper ballot differently, the mismatch is flagged and nothing is counted; a third person resolves it from the
 * paper, and the desk reconciles. The back office is used with JavaScript off; axe checks every page.
 */
import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, useBrowser, visit } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';

const open = useBrowser();

interface Setup {
	spaceId: string;
	moduleId: string;
	staff: { email: string; password: string; totpKey: string }[];
	citizen: { email: string; phone: string };
}

/** RFC 6238 with the raw key better-auth stores for these test accounts. */
function totp(key: string, at = Date.now()): string {
	const counter = Buffer.alloc(8);
	counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
	const mac = createHmac('sha1', Buffer.from(key, 'utf8')).update(counter).digest();
	const offset = mac[mac.length - 1] & 0x0f;
	return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

async function signInAsStaff(page: Page, who: Setup['staff'][number], next: string) {
	await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
	await page.locator('main input[name="email"]').fill(who.email);
	await page.locator('main input[name="password"]').fill(who.password);
	await Promise.all([
		page.waitForURL(/\/account\/sign-in\/two-factor/),
		page.locator('main form button[type="submit"]').first().click()
	]);
	await page.locator('main input[name="code"]').fill(totp(who.totpKey));
	await Promise.all([
		page.waitForURL((u) => !u.pathname.startsWith('/account/sign-in')),
		page.locator('main form button[type="submit"]').first().click()
	]);
}

/** Types one reading of a paper ballot on a desk's paper page and returns the outcome shown. */
async function enterPaper(page: Page, path: string, serial: string, codes: string[]) {
	await visit(page, path);
	await page.getByLabel('Numărul de serie').fill(serial);
	await page.getByLabel('Valid: introduceți opțiunile mai jos').check();
	for (const code of codes) await page.getByLabel(code, { exact: false }).check();
	await Promise.all([page.waitForURL(/\?done=/), page.getByRole('button', { name: 'Salvați această citire' }).click()]);
	await expectAccessible(page);
	return (await page.locator('#entry-outcome').innerText()).trim();
}

describe('staff enter a paper ballot twice and see a mismatch', () => {
	let setup: Setup;
	let desks = '';
	let deskPath = '';
	let admin: Page;

	it('an administrator sets up a desk and records a citizen’s paper ballot', async () => {
		setup = (await (
			await fetch(`${baseURL()}/test-hooks/budgets/desks`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}'
			})
		).json()) as Setup;
		desks = `/admin/processes/${setup.spaceId}/budgets/${setup.moduleId}/desks`;

		// An administrator sets up the desk.
		admin = (await open({ javaScriptEnabled: false })).page;
		admin.setDefaultTimeout(20_000);
		await signInAsAdmin(admin, { next: desks });
		await visit(admin, desks);
		expect(await admin.locator('h1').innerText()).toContain('Secții de vot');
		await admin.getByRole('button', { name: 'Adăugați secția' }).click();
		await expect.poll(() => admin.locator('.error-summary a[href="#name"]').count()).toBe(1);
		await expectAccessible(admin);
		await admin.getByLabel('Numele secției').fill('Primăria — sala de ghișee');
		await admin.getByLabel('Adresa').fill('Bd. C.D. Loga 1, Timișoara');
		await Promise.all([admin.waitForURL(/done=saved/), admin.getByRole('button', { name: 'Adăugați secția' }).click()]);
		await expectAccessible(admin);
		await admin.getByRole('link', { name: /Deschideți secția.*Primăria — sala de ghișee/ }).click();
		deskPath = new URL(admin.url()).pathname;
		await visit(admin, deskPath);

		// A citizen comes to the desk: found by phone, checked in person, hands in a paper ballot.
		await admin.getByLabel('Căutați o persoană după adresa de e-mail sau numărul de telefon').fill(setup.citizen.phone);
		await Promise.all([
			admin.waitForURL(/\?q=/),
			admin.locator('main').getByRole('button', { name: 'Căutați', exact: true }).click()
		]);
		await expectAccessible(admin);
		expect(await admin.locator('#citizen-heading').innerText()).toContain(setup.citizen.email);
		await admin.locator('#documentType').selectOption('identity_card');
		await admin.getByLabel('Domiciliu în oraș').check();
		await Promise.all([
			admin.waitForURL(/done=verified/),
			admin.getByRole('button', { name: 'Înregistrați verificarea' }).click()
		]);
		await expectAccessible(admin);
		await Promise.all([
			admin.waitForURL(/done=paper/),
			admin.getByRole('button', { name: 'Înregistrați buletinul pe hârtie depus' }).click()
		]);
		await expectAccessible(admin);
		expect(await admin.locator('.panel-confirm').innerText()).toContain('Buletin pe hârtie înregistrat');
		// Asked again, the desk refuses: the person already voted on paper here.
		await visit(admin, `${deskPath}?q=${encodeURIComponent(setup.citizen.email)}`);
		expect(await admin.locator('#already-voted').innerText()).toContain('a depus deja un buletin pe hârtie');
	});

	it('two staff members type the same paper ballot differently: a mismatch, nothing counted', async () => {
		const paperPath = `${deskPath}/paper`;
		expect(await enterPaper(admin, paperPath, 'TM-0001', ['Z1-01', 'Z1-02'])).toContain('Mai trebuie introdus o dată');
		const operator = (await open({ javaScriptEnabled: false })).page;
		operator.setDefaultTimeout(20_000);
		await signInAsStaff(operator, setup.staff[0], paperPath);
		expect(await enterPaper(operator, paperPath, 'TM-0001', ['Z1-01', 'Z1-03'])).toContain('cele două citiri diferă');

		// Nothing is counted yet: the desk does not reconcile, one paper ballot waits as a mismatch.
		await visit(admin, `${desks}/reconciliation`);
		expect(await admin.locator('main').innerText()).toContain('Nu se reconciliază');
	});

	it('a supervisor resolves the mismatch from the paper and the desk reconciles', async () => {
		// A supervisor (a third person) looks at the paper and enters the reading that counts.
		const supervisor = (await open({ javaScriptEnabled: false })).page;
		supervisor.setDefaultTimeout(20_000);
		await signInAsStaff(supervisor, setup.staff[1], `${desks}/mismatches`);
		await visit(supervisor, `${desks}/mismatches`);
		const flagged = supervisor.locator('section.mismatch');
		expect(await flagged.count()).toBe(1);
		expect(await flagged.locator('h2').innerText()).toBe('Buletinul TM-0001');
		const readings = await flagged.locator('tbody tr').allInnerTexts();
		expect(readings.join('\n')).toContain('Z1-02');
		expect(readings.join('\n')).toContain('Z1-03');
		await flagged.getByLabel('Valid: introduceți opțiunile mai jos').check();
		await flagged.getByLabel('Z1-01', { exact: false }).check();
		await flagged.getByLabel('Z1-02', { exact: false }).check();
		await Promise.all([
			supervisor.waitForURL(/done=accepted/),
			flagged.getByRole('button', { name: 'Salvați citirea care contează' }).click()
		]);
		await expectAccessible(supervisor);
		expect(await supervisor.locator('.panel-confirm').innerText()).toContain('TM-0001');
		expect(await supervisor.locator('section.mismatch').count()).toBe(0);

		// The desk reconciles: one paper voter, one paper ballot accepted, one paper ballot in the box.
		await visit(admin, `${desks}/reconciliation`);
		expect(await admin.locator('main .notice').first().innerText()).toBe('Se reconciliază.');
		const csv = await admin.context().request.get(`${desks}/reconciliation.csv`);
		expect(csv.status()).toBe(200);
		expect((await csv.text()).split('\r\n')[1]).toMatch(/,1,1,1,0,0,0,1,0,0,0,true$/);
		await visit(admin, `${desks}/rejected`);
		expect(await admin.locator('[role="status"]').innerText()).toContain('Buletine respinse: 0');
	});
});
