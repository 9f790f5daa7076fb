import { describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, useBrowser, visit } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';

const open = useBrowser();

describe('an administrator configures a report category', () => {
	it('adds a category routed to a department with an extra question, served to Open311 clients', async () => {
		const base = baseURL();
		// Makes sure the city has a reports module (the demo seed or an earlier story may already have made one).
		expect(
			(await fetch(`${base}/test-hooks/reports/staff`, { method: 'POST', headers: { origin: base } })).status
		).toBe(200);
		const admin = (await open({ javaScriptEnabled: false })).page;
		admin.setDefaultTimeout(20_000);
		await signInAsAdmin(admin, { next: '/admin/reports/categories' });
		await visit(admin, '/admin/reports/categories');
		await visit(admin, '/admin/reports/categories/new');

		// A list question without options is refused, the error summary pointing at the options.
		const code = `parc_${Date.now().toString(36)}`;
		await admin.check('#kind');
		await admin.fill('#code', code);
		await admin.fill('#name_ro', 'Bancă stricată în parc');
		await admin.selectOption('#departmentId', { index: 1 });
		await admin.fill('#q0_code', 'broken_part');
		await admin.selectOption('#q0_datatype', 'singlevaluelist');
		await admin.check('#q0_required');
		await admin.fill('#q0_label_ro', 'Ce parte este stricată?');
		await Promise.all([admin.waitForLoadState(), admin.getByRole('button', { name: 'Salvați categoria' }).click()]);
		await expect.poll(() => admin.locator('.error-summary a[href="#q0_values"]').count()).toBe(1);
		await expectAccessible(admin);

		await admin.fill('#q0_values', 'seat | Șezutul | Seat\nlegs | Picioarele | Legs');
		await Promise.all([
			admin.waitForURL(/\/admin\/reports\/categories\?saved=1$/),
			admin.getByRole('button', { name: 'Salvați categoria' }).click()
		]);
		await expectAccessible(admin);
		await admin.locator('main table').getByRole('link', { name: 'Bancă stricată în parc' }).click();
		await expectAccessible(admin);
		expect(await admin.locator('#q0_values').inputValue()).toBe('seat | Șezutul | Seat\nlegs | Picioarele | Legs');

		// The question is an Open311 attribute of the new service.
		const definition = await fetch(`${base}/open311/v2/services/${code}.json?jurisdiction_id=timisoara.ro`);
		expect(definition.status).toBe(200);
		const body = (await definition.json()) as {
			attributes: { code: string; required: boolean; values: { key: string }[] }[];
		};
		expect(body.attributes.map((a) => [a.code, a.required, a.values.map((v) => v.key)])).toEqual([
			['broken_part', true, ['seat', 'legs']]
		]);

		await visit(admin, '/admin/reports/heads');
	});
});
