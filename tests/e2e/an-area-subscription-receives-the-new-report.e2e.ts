/**
 * A resident subscribes to new reports in their neighbourhood; someone else reports a problem there without an
 * account; the resident gets the e-mail with the report's link and the area's private feed lists it. The public
 * statistics page and the neighbourhood's Atom feed show it too.
 */
import { describe, expect, it } from 'vitest';
import { baseURL, latestMessage, linkIn, signUpAndConfirm, useBrowser, visit } from './support/browser.ts';

const open = useBrowser();
const email = `lavinia.${Date.now()}@example.ro`;
const password = 'o parolă destul de lungă';

async function subjectsFor(to: string): Promise<string[]> {
	const r = await fetch(`${baseURL()}/test-hooks/outbox?to=${encodeURIComponent(to)}&channel=email`);
	return ((await r.json()) as { subject: string }[]).map((m) => m.subject);
}

describe('an area subscription receives the new report', () => {
	it('e-mails the subscriber of the neighbourhood and lists the report in the area’s feed', async () => {
		const resident = await open();
		// An e-mail-verified resident.
		await signUpAndConfirm(resident.page, { name: 'Lavinia Stan', email, password });

		// Subscribe to a whole neighbourhood (no pin), with JavaScript off.
		const noJs = await open({ javaScriptEnabled: false });
		await noJs.context.addCookies(await resident.context.cookies());
		const sub = noJs.page;
		await visit(sub, '/reports/subscriptions');
		expect(await sub.locator('h1').count()).toBe(1);
		const option = sub.locator('#place_neighbourhood_id option:not([value=""])').nth(3);
		const hoodId = (await option.getAttribute('value'))!;
		const hoodName = (await option.textContent())!.trim();
		await sub.selectOption('#place_neighbourhood_id', hoodId);
		await sub.locator('main form[action="?/subscribe"] button[type=submit]').click();
		await sub.waitForURL('**/reports/subscriptions?done=subscribed*');
		await visit(sub, sub.url());
		expect(await sub.locator('.panel-confirm').textContent()).toContain(hoodName);
		const feedPath = (await sub.locator('main a[href^="/feeds/reports/area/"]').first().getAttribute('href'))!;

		// Someone without an account reports dumped rubbish in that neighbourhood, by address.
		const reporter = await open({ javaScriptEnabled: false });
		const page = reporter.page;
		await visit(page, '/reports/new');
		const title = `Graffiti pe gardul școlii ${Date.now()}`;
		await page.check('#category-graffiti');
		await page.fill('#title', title);
		await page.fill('#description', `${title}: fațada a fost mâzgălită aseară.`);
		await page.fill('#place_address', 'Strada Dacilor 12');
		await page.selectOption('#place_neighbourhood_id', hoodId);
		await page.fill('#contact_name', 'Radu Ilie');
		await page.fill('#contact_email', `radu.${Date.now()}@example.ro`);
		await page.locator('main form[action="?/check"] button[type=submit]').click();
		// A possible duplicate is offered first when one is near: the reporter sends anyway.
		const send = page.locator('main form[action="?/send"] button[type=submit]');
		if (!page.url().includes('/sent') && (await send.count())) await send.first().click();
		await page.waitForURL('**/reports/*/sent');
		const reportPath = new URL(page.url()).pathname.replace(/\/sent$/, '');

		// The subscriber's e-mail names the area and links to the report.
		await expect
			.poll(async () => (await subjectsFor(email)).some((s) => s.includes(hoodName)), { timeout: 20_000 })
			.toBe(true);
		const mail = await latestMessage(email);
		expect(mail.subject).toContain(hoodName);
		const link = linkIn(mail.text);
		expect(new URL(link).pathname).toBe(reportPath);
		await visit(resident.page, new URL(link).pathname);

		// The area's private feed and the neighbourhood's public feed list the report.
		const feed = await fetch(`${baseURL()}${feedPath}`);
		expect(feed.headers.get('content-type')).toContain('application/atom+xml');
		expect(await feed.text()).toContain(title);
		const hoodFeed = await (await fetch(`${baseURL()}/feeds/reports.atom?neighbourhood=${hoodId}`)).text();
		expect(hoodFeed).toContain(title);

		// The statistics page is public and accessible; the API counts the new report.
		await visit(page, '/reports/stats');
		const stats = (await (await fetch(`${baseURL()}/api/v1/reports/stats`)).json()) as {
			neighbourhoods: { id: string; reports: number }[];
		};
		expect(stats.neighbourhoods.find((n) => n.id === hoodId)?.reports).toBeGreaterThan(0);
	});
});
