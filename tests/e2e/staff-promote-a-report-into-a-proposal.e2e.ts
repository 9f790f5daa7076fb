/**
 * Staff turn a demo report into a proposal of a participatory process: the promotion page shows the chain, the
 * proposal carries the report's text, and the report's public page links to the proposal.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser, visit } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';

const open = useBrowser();
// Seeded by the demo data (reports/seeds.ts): deterministic ids.
const REPORT = 'de5e0000-0000-4000-a000-000000000007';

describe('staff promote a report into a proposal', () => {
	it('keeps the link both ways and shows the chain', async () => {
		const { page } = await open();
		await signInAsAdmin(page, { next: `/admin/reports/promote/${REPORT}` });
		await visit(page, `/admin/reports/promote/${REPORT}`);
		const title = (await page.locator('main h1 + p').textContent())!;
		await page.locator('main form[action="?/proposal"] button[type=submit]').click();
		await page.waitForURL('**/admin/reports/promote/*?done=proposal');
		await visit(page, page.url());
		expect(await page.locator('main [role=status]').textContent()).toContain('Sesizarea a devenit propunere.');
		const proposalLink = page.locator('main .resource-chain a[href*="/proposals/"]');
		expect(await proposalLink.count()).toBe(1);
		const proposalPath = (await proposalLink.getAttribute('href'))!;

		// The proposal's public page shows the report's text; the report page links to the proposal.
		await visit(page, proposalPath);
		expect(await page.locator('main').textContent()).toContain(title.split(' — ')[1]?.trim() ?? '');
		await visit(page, `/reports/${REPORT}`);
		expect(await page.locator(`main .resource-chain a[href="${proposalPath}"]`).count()).toBe(1);
	});
});
