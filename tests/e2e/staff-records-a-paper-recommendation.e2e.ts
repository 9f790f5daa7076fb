import { describe, expect, it } from 'vitest';
import { baseURL, expectAccessible, useBrowser, visit } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';
import { backdate, createConsultation } from './support/consultation.ts';

const open = useBrowser();
const title = 'Proiect de hotărâre privind regulamentul teraselor sezoniere';
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('a staff member records a paper recommendation and publishes the synthesis', () => {
	it('enters the letter into the register, answers it and publishes the synthesis with the final act', async () => {
		// The back office works with JavaScript off.
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 1', Date.now());
		const admin = (await open({ javaScriptEnabled: false })).page;
		admin.setDefaultTimeout(20_000);
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 2', Date.now());
		await signInAsAdmin(admin, { next: '/admin/processes' });
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 3', Date.now());
		const { processPath, moduleId, publicPath } = await createConsultation(admin, {
			slug: 'consultare-terase-sezoniere',
			title
		});
		const registerPath = `${processPath}/consultations/${moduleId}/register`;

		// A letter dated tomorrow is refused, with the error summary linking to the date.
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 4', Date.now());
		await visit(admin, registerPath);
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 5', Date.now());
		await admin.check('#channel-paper');
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 6', Date.now());
		await admin.fill('#receivedOn', day(1));
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 7', Date.now());
		await admin.fill('#authorName', 'Gheorghe Ionescu');
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 8', Date.now());
		await admin.fill('#contact', 'Str. Mărășești nr. 5, Timișoara');
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 9', Date.now());
		await admin.fill('#article', 'Art. 3');
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 10', Date.now());
		await admin.fill('#text', 'Culoarul pietonal de 1,50 m este prea îngust pe strada Alba Iulia.');
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 11', Date.now());
		await admin.locator('main').getByRole('button', { name: 'Înregistrați în registru' }).click();
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 12', Date.now());
		await expect.poll(() => admin.locator('.error-summary a[href="#receivedOn"]').count()).toBe(1);
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 13', Date.now());
		await expectAccessible(admin);
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 14', Date.now());
		await admin.fill('#receivedOn', day(0));
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 15', Date.now());
		await Promise.all([
			admin.waitForURL(/\/register\?recorded=1$/),
			admin.locator('main').getByRole('button', { name: 'Înregistrați în registru' }).click()
		]);
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 16', Date.now());
		await expectAccessible(admin);
		expect(await admin.locator('main .panel-confirm').textContent()).toContain('numărul 1');

		// The public register shows the entry, never the contact.
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 17', Date.now());
		const visitor = (await open()).page;
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 18', Date.now());
		await visit(visitor, `${publicPath}/register`);
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 19', Date.now());
		const register = (await visitor.locator('main table').textContent()) ?? '';
		expect(register).toContain('Gheorghe Ionescu');
		expect(register).toContain('Pe hârtie');
		expect(register).not.toContain('Mărășești');

		// Staff answer it; the synthesis waits for the end of the window (moved 30 days back by a test hook).
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 20', Date.now());
		await admin.check('input[name="outcome"][value="partly_accepted"]');
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 21', Date.now());
		await admin.fill('textarea[name="outcomeReason"]', 'Culoarul devine 2 m pe străzile pietonale din zona protejată.');
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 22', Date.now());
		await Promise.all([
			admin.waitForURL(/decided=/),
			admin
				.locator('main')
				.getByRole('button', { name: /Salvați răspunsul/ })
				.click()
		]);
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 23', Date.now());
		await expectAccessible(admin);
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 24', Date.now());
		await backdate(moduleId, 30);
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 25', Date.now());
		await visit(admin, `${processPath}/consultations/${moduleId}/synthesis`);
		expect(await admin.locator('main table').textContent()).toContain('acceptată parțial');
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 26', Date.now());
		await admin.fill('#synthesis_ro', 'Am primit o recomandare, acceptată parțial; textul art. 3 a fost modificat.');
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 27', Date.now());
		await admin.fill('#finalActNumber', 'HCL nr. 412/2026');
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 28', Date.now());
		await admin.fill('#finalActOn', day(0));
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 29', Date.now());
		await Promise.all([
			admin.waitForURL(/done=synthesis$/),
			admin.locator('main').getByRole('button', { name: 'Publicați sinteza' }).click()
		]);
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 30', Date.now());
		await expectAccessible(admin);

		// Everyone sees the synthesis, the final act and the outcome; the CSV register has no contact data.
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 31', Date.now());
		await visit(visitor, publicPath);
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 32', Date.now());
		const page = (await visitor.locator('main').textContent()) ?? '';
		expect(page).toContain('Sinteza recomandărilor');
		expect(page).toContain('HCL nr. 412/2026');
		console.log('STEP staff-records-a-paper-recommendation.e2e.ts 33', Date.now());
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
	});
});
