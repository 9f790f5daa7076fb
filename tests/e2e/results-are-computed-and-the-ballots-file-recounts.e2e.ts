/**
 * Staff compute the results of an edition whose voting is over; the results page shows funded and unfunded projects
 * with the engine's reasons, the leftover top-up, turnout and the ballots files; the published file downloaded here
 * has the published SHA-256 and re-counts with the PB engine's CLI to the same selection; a voter finds their ballot
 * in it with their receipt code. axe checks every page.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, useBrowser, visit } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';

const open = useBrowser();

interface Setup {
	spaceId: string;
	slug: string;
	moduleId: string;
	receipt: string;
	receiptPublicId: string;
}

describe('results are computed and the ballots file re-counts', () => {
	it('staff compute, the page explains, the file re-counts with the CLI, a voter finds their ballot', async () => {
		const setup = (await (
			await fetch(`${baseURL()}/test-hooks/budgets/results`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}'
			})
		).json()) as Setup;
		const results = `/processes/${setup.slug}/budgets/${setup.moduleId}/results`;

		// Before the count the public page says so.
		const visitor = await open();
		await visit(visitor.page, results);
		expect(await visitor.page.locator('main').innerText()).toContain('Rezultatele nu au fost publicate încă.');

		// Staff compute the results (once); the admin page lists each pot's digest.
		const staff = await open();
		const admin = `/admin/processes/${setup.spaceId}/budgets/${setup.moduleId}/results`;
		await signInAsAdmin(staff.page, { next: admin });
		await visit(staff.page, admin);
		await Promise.all([
			staff.page.waitForURL((u) => u.pathname === admin && u.searchParams.has('computed')),
			staff.page.getByRole('button', { name: 'Calculați și publicați rezultatele' }).click()
		]);
		await expectAccessible(staff.page);
		expect(await staff.page.locator('main').innerText()).toContain('Rezultatele au fost calculate și publicate.');
		await expect.poll(() => staff.page.locator('main code.digest').count()).toBe(2);

		// The public page: funded and unfunded projects with the reason, the top-up, turnout and the files.
		await visit(visitor.page, results);
		const main = await visitor.page.locator('main').innerText();
		expect(main).toContain('Proiecte finanțate');
		expect(main).toContain('Loc de joacă Z1');
		expect(main).toMatch(/Finanțat: locul 1 după voturi/);
		expect(main).toContain('Finanțat prin regula sumelor rămase');
		expect(main).toMatch(/Nefinanțat: locul \d+; costă 85/);
		expect(main).toContain('Participare');
		const digest = (await visitor.page.locator('main code.digest').first().innerText()).trim();
		const command = (await visitor.page.locator('main code.command').first().innerText()).trim();
		expect(command).toBe('npx vocea-pb count Z1.pb --rule greedy-threshold --tie-break min-cost-max-votes');

		// The file as anyone downloads it: its SHA-256 is the published one; the CLI re-counts it.
		const fileUrl = await visitor.page.locator('main a[download="Z1.pb"]').getAttribute('href');
		const response = await fetch(`${baseURL()}${fileUrl}`);
		expect(response.status).toBe(200);
		const bytes = Buffer.from(await response.arrayBuffer());
		expect(createHash('sha256').update(bytes).digest('hex')).toBe(digest);
		const dir = mkdtempSync(join(tmpdir(), 'vocea-recount-'));
		try {
			writeFileSync(join(dir, 'Z1.pb'), bytes);
			const args = command.replace(/^npx vocea-pb /, '').split(' ');
			args[1] = join(dir, 'Z1.pb');
			const out = JSON.parse(
				execFileSync(process.execPath, ['packages/pb/bin/vocea-pb.js', ...args, '--json'], { encoding: 'utf8' })
			) as { selected: string[] };
			const api = (await (await fetch(`${baseURL()}/api/v1/budgets/${setup.moduleId}/results`)).json()) as {
				data: { pot: string; selected: string[]; funded: string[]; sha256: string; topUp: { code: string } | null }[];
			};
			const z1 = api.data.find((p) => p.pot === 'Z1')!;
			expect(out.selected).toEqual(z1.selected);
			expect(out.selected).toEqual(['Z1-01', 'Z1-02', 'Z1-03']);
			expect(z1.funded).toEqual([...out.selected, 'Z1-05']);
			expect(z1.topUp?.code).toBe('Z1-05');
			expect(z1.sha256).toBe(digest);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		const list = (await (await fetch(`${baseURL()}/api/v1/budgets`)).json()) as {
			data: { id: string; results_url: string | null; ballots_sha256: Record<string, string> | null }[];
		};
		const edition = list.data.find((e) => e.id === setup.moduleId)!;
		expect(edition.results_url).toBe(`/api/v1/budgets/${setup.moduleId}/results`);
		expect(edition.ballots_sha256?.Z1).toBe(digest);

		// A voter checks with their receipt code (typed in lower case) that their ballot is in the file.
		await visit(visitor.page, `${results}/check`);
		await visitor.page.fill('#code', setup.receipt.toLowerCase());
		await Promise.all([
			visitor.page.waitForLoadState('load'),
			visitor.page.getByRole('button', { name: 'Verificați' }).click()
		]);
		await expect
			.poll(() => visitor.page.locator('main').innerText())
			.toContain('Buletinul dumneavoastră este în fișierele publicate.');
		const checked = await visitor.page.locator('main').innerText();
		expect(checked).toContain(setup.receiptPublicId);
		expect(checked).toContain(`${setup.receiptPublicId};Z1-01,Z1-05`);
		await expectAccessible(visitor.page);

		// A wrong code is refused with an error summary.
		await visitor.page.fill('#code', 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG');
		await Promise.all([
			visitor.page.waitForLoadState('load'),
			visitor.page.getByRole('button', { name: 'Verificați' }).click()
		]);
		await expect.poll(() => visitor.page.locator('.error-summary').count()).toBe(1);
		await expectAccessible(visitor.page);
	});
});
