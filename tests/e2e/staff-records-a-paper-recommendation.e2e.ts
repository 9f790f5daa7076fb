import { describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, useBrowser, visit } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';
import { backdate, createConsultation } from './support/consultation.ts';
import { todayInBucharest } from '../../src/lib/server/platform/calendar/index.ts';

const open = useBrowser();
const title = 'Proiect de hotărâre privind regulamentul teraselor sezoniere';
// calendar dates in the city's time zone, as the platform counts them
const day = (days: number) => todayInBucharest(Date.now() + days * 86_400_000);

describe('a staff member records a paper recommendation and publishes the synthesis', () => {
	it('enters the letter into the register, answers it and publishes the synthesis with the final act', async () => {
		// The back office works with JavaScript off.
		const admin = (await open({ javaScriptEnabled: false })).page;
		admin.setDefaultTimeout(20_000);
		await signInAsAdmin(admin, { next: '/admin/processes' });
		const { processPath, moduleId, publicPath } = await createConsultation(admin, {
			slug: 'consultare-terase-sezoniere',
			title
		});
		const registerPath = `${processPath}/consultations/${moduleId}/register`;

		// A letter dated tomorrow is refused, with the error summary linking to the date.
		await visit(admin, registerPath);
		await admin.check('#channel-paper');
		await admin.fill('#receivedOn', day(1));
		await admin.fill('#authorName', 'Gheorghe Ionescu');
		await admin.fill('#contact', 'Str. Mărășești nr. 5, Timișoara');
		await admin.fill('#article', 'Art. 3');
		await admin.fill('#text', 'Culoarul pietonal de 1,50 m este prea îngust pe strada Alba Iulia.');
		await admin.locator('main').getByRole('button', { name: 'Înregistrați în registru' }).click();
		await expect.poll(() => admin.locator('.error-summary a[href="#receivedOn"]').count()).toBe(1);
		await expectAccessible(admin);
		await admin.fill('#receivedOn', day(0));
		await Promise.all([
			admin.waitForURL(/\/register\?recorded=1$/),
			admin.locator('main').getByRole('button', { name: 'Înregistrați în registru' }).click()
		]);
		await expectAccessible(admin);
		expect(await admin.locator('main .panel-confirm').textContent()).toContain('numărul 1');

		// The public register shows the entry, never the contact.
		const visitor = (await open()).page;
		await visit(visitor, `${publicPath}/register`);
		const register = (await visitor.locator('main table').textContent()) ?? '';
		expect(register).toContain('Gheorghe Ionescu');
		expect(register).toContain('Pe hârtie');
		expect(register).not.toContain('Mărășești');

		// Staff answer it; the synthesis waits for the end of the window (moved 30 days back by a test hook).
		await admin.check('input[name="outcome"][value="partly_accepted"]');
		await admin.fill('textarea[name="outcomeReason"]', 'Culoarul devine 2 m pe străzile pietonale din zona protejată.');
		await Promise.all([
			admin.waitForURL(/decided=/),
			admin
				.locator('main')
				.getByRole('button', { name: /Salvați răspunsul/ })
				.click()
		]);
		await expectAccessible(admin);
		await backdate(moduleId, 30);
		await visit(admin, `${processPath}/consultations/${moduleId}/synthesis`);
		expect(await admin.locator('main table').textContent()).toContain('acceptată parțial');
		await admin.fill('#synthesis_ro', 'Am primit o recomandare, acceptată parțial; textul art. 3 a fost modificat.');
		await admin.fill('#finalActNumber', 'HCL nr. 412/2026');
		await admin.fill('#finalActOn', day(0));
		await Promise.all([
			admin.waitForURL(/done=synthesis$/),
			admin.locator('main').getByRole('button', { name: 'Publicați sinteza' }).click()
		]);
		await expectAccessible(admin);

		// Everyone sees the synthesis, the final act and the outcome; the CSV register has no contact data.
		await visit(visitor, publicPath);
		const page = (await visitor.locator('main').textContent()) ?? '';
		expect(page).toContain('Sinteza recomandărilor');
		expect(page).toContain('HCL nr. 412/2026');
		await visit(visitor, `${publicPath}/register`);
		expect(await visitor.locator('main table').textContent()).toContain('Culoarul devine 2 m');
		const csv = await (
			await fetch(`${baseURL()}/api/v1/consultations/consultare-terase-sezoniere/register.csv`)
		).text();
		const [header, row] = csv.trim().split('\r\n');
		expect(header).toBe('number,received_on,channel,late,author,article,text,outcome,outcome_reason');
		expect(row).toMatch(/^1,\d{4}-\d{2}-\d{2},paper,false,Gheorghe Ionescu,Art\. 3,/);
		expect(row).toContain('partly_accepted');
		expect(csv).not.toContain('Mărășești');
	}, 300_000);
});
