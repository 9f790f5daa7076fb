/**
 * A citizen follows a funded project; staff publish a timeline entry saying it is built; the follower is told (e-mail
 * and in-app, in Romanian), and anyone can see the progress, the timeline and the chain idea → funded → built on the
 * public pages. axe checks every page.
 */
import { describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, latestMessage, useBrowser, visit } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';

const open = useBrowser();

interface Setup {
	spaceId: string;
	slug: string;
	moduleId: string;
	projectId: string;
	projectTitle: string;
	citizen: { email: string; password: string };
}

describe('a visitor follows a funded project to completion', () => {
	it('follows it, staff add a timeline entry, the follower is notified, the public pages show progress and chain', async () => {
		const setup = (await (
			await fetch(`${baseURL()}/test-hooks/budgets/implementation`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}'
			})
		).json()) as Setup;
		const list = `/processes/${setup.slug}/budgets/${setup.moduleId}/implementation`;
		const projectPage = `${list}/${setup.projectId}`;

		// A visitor finds the funded projects: progress in words, not only as a bar; the unfunded one is not listed.
		const visitor = await open();
		await visit(visitor.page, list);
		const main = visitor.page.locator('main');
		expect(await main.innerText()).toContain(setup.projectTitle);
		expect(await main.innerText()).toContain('60% realizat');
		expect(await main.innerText()).not.toContain('Fântână arteziană');

		// A citizen signs in and follows the project.
		const citizen = await open();
		const page = citizen.page;
		await page.goto(`/account/sign-in?next=${encodeURIComponent(projectPage)}`);
		await page.waitForLoadState('networkidle');
		await page.fill('main input[name=email]', setup.citizen.email);
		await page.fill('main input[name=password]', setup.citizen.password);
		await Promise.all([
			page.waitForURL((u) => u.pathname === projectPage),
			page.locator('main form button[type=submit]').first().click()
		]);
		await visit(page, projectPage);
		await page
			.locator('main')
			.getByRole('button', { name: /^Urmărește/ })
			.click();
		await expect.poll(() => page.locator('main .follow').innerText()).toContain('Nu mai urmări');
		await expectAccessible(page);

		// Staff publish an update: the project is built.
		const staff = await open();
		const admin = `/admin/processes/${setup.spaceId}/budgets/${setup.moduleId}/implementation`;
		await signInAsAdmin(staff.page, { next: admin });
		await visit(staff.page, admin);
		await staff.page.getByRole('link', { name: setup.projectTitle }).click();
		await staff.page.waitForURL((u) => u.pathname === `${admin}/${setup.projectId}`);
		await expectAccessible(staff.page);
		// An entry without text is refused with an error summary.
		await staff.page.locator('#entry-status-completed').check();
		await staff.page.fill('#entry-progress', '140');
		await Promise.all([
			staff.page.waitForLoadState('load'),
			staff.page.getByRole('button', { name: 'Publicați noutatea' }).click()
		]);
		await expect.poll(() => staff.page.locator('.error-summary').count()).toBe(1);
		expect(await staff.page.locator('.error-summary').innerText()).toContain('Progresul este un număr întreg');
		await expectAccessible(staff.page);
		await staff.page.locator('#entry-status-completed').check();
		await staff.page.fill('#entry-progress', '100');
		await staff.page.fill('#entry-spent', '415000');
		await staff.page.fill('#text_ro', 'Locul de joacă a fost recepționat și este deschis copiilor.');
		await Promise.all([
			staff.page.waitForURL(/done=added/),
			staff.page.getByRole('button', { name: 'Publicați noutatea' }).click()
		]);
		await expectAccessible(staff.page);
		await staff.context.close();

		// The follower hears about it, in their language, by e-mail and in the app.
		const mail = await latestMessage(setup.citizen.email);
		expect(`${mail.subject ?? ''} ${mail.text}`).toContain(setup.projectTitle);
		expect(mail.text).toContain('Finalizat');
		await visit(page, '/account/notifications');
		await expect
			.poll(() => page.locator('main').innerText())
			.toContain(`Noutăți despre proiectul „${setup.projectTitle}”`);
		await citizen.context.close();

		// Anyone sees the progress, the timeline entry and the chain from idea to built.
		await visit(visitor.page, list);
		expect(await main.innerText()).toContain('100% realizat');
		await visit(visitor.page, projectPage);
		const implementation = visitor.page.locator('section.implementation');
		// textContent: tags are shown in capitals by CSS, the text itself is the status name.
		expect(await implementation.textContent()).toContain('Finalizat');
		expect(await implementation.textContent()).toContain('Locul de joacă a fost recepționat');
		expect(await visitor.page.locator('progress').getAttribute('value')).toBe('100');
		const chain = visitor.page.locator('section.resource-chain');
		expect(await chain.locator('li').allInnerTexts()).toEqual([
			expect.stringContaining('Idee de proiect'),
			expect.stringContaining('Proiect finanțat'),
			expect.stringContaining('Realizat')
		]);
		await visitor.context.close();
	});
});
