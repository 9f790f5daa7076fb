import { describe, expect, it } from 'vitest';
import { expectAccessible, useBrowser, visit } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';

const open = useBrowser();
// A seeded demo citizen and demo process (the e2e server runs with demo data).
const citizen = { email: 'ana.popescu@demo.vocea.local', password: 'vocea-demo-2026' };
const slug = 'timisoara-decide';

describe('a visitor follows a process and hears about it', () => {
	it('signs in from the follow prompt, follows the process, and is told when a page is added', async () => {
		const { page, context } = await open();
		await visit(page, `/processes/${slug}`);
		expect(await page.locator('.timeline li[aria-current="step"]').count()).toBe(1);
		await page.locator('main').getByRole('link', { name: 'Intră în cont ca să urmărești' }).click();
		await page.waitForURL(/\/account\/sign-in\?next=/);
		await page.waitForLoadState('networkidle');
		await page.fill('main input[name=email]', citizen.email);
		await page.fill('main input[name=password]', citizen.password);
		await page.locator('main form button[type=submit]').first().click();
		await page.waitForURL(new RegExp(`/processes/${slug}$`));

		await page
			.locator('main')
			.getByRole('button', { name: /^Urmărește/ })
			.click();
		await page.waitForURL(new RegExp(`/processes/${slug}#follow-space-`));
		await expect.poll(() => page.locator('main .follow').innerText()).toContain('Nu mai urmări');
		await expectAccessible(page);

		// Staff add an information page to the process; followers are told.
		const api = (await (await page.request.get(`/api/v1/processes/${slug}`)).json()) as {
			data: { id: string; modules: { id: string; kind: string }[] };
		};
		const pagesModule = api.data.modules.find((m) => m.kind === 'pages')!;
		const admin = await open();
		await signInAsAdmin(admin.page, { next: `/admin/processes/${api.data.id}/pages/${pagesModule.id}/new` });
		await admin.page.fill('#title_ro', 'Sesiune de întrebări și răspunsuri');
		await admin.page.fill('#body_ro', 'Joi, la ora 18, în sala de consiliu.');
		await admin.page.locator('main').getByRole('button', { name: 'Salvează pagina' }).click();
		await admin.page.waitForURL(/done=created/);
		await admin.context.close();

		await visit(page, '/account/notifications');
		await expect
			.poll(() => page.locator('main').innerText())
			.toContain('O pagină nouă de informare: „Sesiune de întrebări și răspunsuri”.');
		await context.close();
	});
});
