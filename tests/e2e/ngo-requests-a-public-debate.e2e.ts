import { describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, signUpAndConfirm, useBrowser, visit } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';
import { createConsultation } from './support/consultation.ts';
import { todayInBucharest } from '../../src/lib/server/platform/calendar/index.ts';

const open = useBrowser();
const email = `pietoni.${Date.now()}@example.ro`;
const password = 'o parolă destul de lungă';
const title = 'Proiect de hotărâre privind regulamentul parcărilor de reședință';
// calendar dates in the city's time zone, as the platform counts them
const day = (days: number) => todayInBucharest(Date.now() + days * 86_400_000);

async function outboxTexts(to: string): Promise<string[]> {
	const r = await fetch(`${baseURL()}/test-hooks/outbox?to=${encodeURIComponent(to)}&channel=email`);
	return ((await r.json()) as { text: string; subject: string }[]).map((m) => `${m.subject}\n${m.text}`);
}

describe('an NGO requests a public debate on a draft and staff schedule it', () => {
	it('goes from the announcement to a scheduled debate the requester hears about', async () => {
		const admin = (await open({ javaScriptEnabled: false })).page;
		admin.setDefaultTimeout(20_000);
		await signInAsAdmin(admin, { next: '/admin/processes' });
		const { processPath, moduleId, publicPath } = await createConsultation(admin, {
			slug: 'consultare-parcari-resedinta',
			title
		});

		// The consultation is open now: it leads the home page and the "open now" page, with its deadlines.
		const visitor = (await open()).page;
		await visit(visitor, '/');
		const firstBlock = visitor.locator('main section').first();
		expect(await firstBlock.textContent()).toContain(title);
		await visit(visitor, '/consultations');
		expect(await visitor.locator('main').textContent()).toContain('Recomandări până la');

		// A representative of an association signs up; before staff verify the organisation, no request form.
		const ngo = (await open()).page;
		await signUpAndConfirm(ngo, { name: 'Maria Kovács', email, password });
		await visit(ngo, `${publicPath}/debate`);
		expect(await ngo.locator('main form textarea[name="reason"]').count()).toBe(0);
		expect(await ngo.locator('main .notice').textContent()).toContain('nu este verificat');

		// Staff record the organisation at the desk, from its papers (name and number in the NGO register).
		await visit(admin, `/admin/verifications/in-person?q=${encodeURIComponent(email)}`);
		await admin.locator('main').getByRole('link', { name: 'Maria Kovács' }).click();
		await admin.waitForURL(/user=/);
		await expectAccessible(admin);
		await admin.check('#kind-organisation');
		await admin.fill('#organisationName', 'Asociația Pietonilor din Timișoara');
		await admin.fill('#organisationRegistration', '12/2015, Judecătoria Timișoara');
		await admin.selectOption('#documentType', 'identity_card');
		await admin.locator('main').getByRole('button', { name: 'Înregistrează verificarea' }).click();
		await expect.poll(() => admin.locator('main .notice.success').count()).toBe(1);
		await expectAccessible(admin);

		// The NGO requests the debate in writing; the confirmation says the 10-day clock runs.
		await visit(ngo, publicPath);
		await ngo.locator('main').getByRole('link', { name: 'Solicitați o dezbatere publică' }).click();
		await ngo.waitForURL(/\/debate$/);
		await expectAccessible(ngo);
		await ngo.fill('#reason', 'Regulamentul schimbă accesul la parcare pentru 4.000 de locuitori din Cetate.');
		await Promise.all([ngo.waitForURL(/\/debate\?done=1$/), ngo.locator('main form button[type=submit]').click()]);
		await expectAccessible(ngo);
		expect(await ngo.locator('main .panel-confirm').textContent()).toContain('Solicitare înregistrată');

		// Staff see the request with its legal deadline and schedule the debate.
		await visit(admin, `${processPath}/consultations/${moduleId}/debates`);
		const request = admin.locator('main section.card').first();
		expect(await request.textContent()).toContain('Asociația Pietonilor din Timișoara');
		expect(await request.textContent()).toContain('Termen pentru dezbatere');
		await request.locator('input[name="debateOn"]').fill(day(7));
		await request.locator('input[name="debateTime"]').fill('17:00');
		await request.locator('input[name="debatePlace"]').fill('Sala Mare, Primăria Timișoara');
		await Promise.all([
			admin.waitForURL(/\/debates\?scheduled=1$/),
			request.getByRole('button', { name: /Programați dezbaterea/ }).click()
		]);
		await expectAccessible(admin);

		// The requester is told, and the announcement shows the debate.
		await expect
			.poll(async () => (await outboxTexts(email)).some((t) => t.includes('Sala Mare')), { timeout: 20_000 })
			.toBe(true);
		await visit(visitor, publicPath);
		expect(await visitor.locator('main').textContent()).toContain('Dezbaterea are loc la');
		expect(await visitor.locator('main').textContent()).toContain('Asociația Pietonilor din Timișoara');
	}, 300_000);
});
