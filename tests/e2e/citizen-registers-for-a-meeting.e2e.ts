import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { latestMessage, useBrowser, visit, waitForHydration } from './support/browser.ts';
import { signInAsAdmin } from './support/admin.ts';
import { todayInBucharest } from '../../src/lib/server/platform/calendar/index.ts';

const open = useBrowser();
// A seeded demo citizen (the e2e server runs with demo data) who is not registered for the demo debate yet.
const email = 'ioan.muntean@demo.vocea.local';
const password = 'vocea-demo-2026';
const process = '/processes/buget-participativ-2025';
const debate = 'Dezbatere publică: propunerile pentru bugetul municipiului';

describe('a citizen registers for a meeting', () => {
	it('finds the public debate, registers to speak, gets a code and a confirmation, and downloads the .ics', async () => {
		const { page, context } = await open();
		await visit(page, process);
		await page.getByRole('link', { name: 'Întâlniri și dezbateri' }).first().click();
		await page.waitForURL(/\/meetings\/[^/]+$/);
		await visit(page, page.url());
		expect(await page.getByRole('heading', { level: 2, name: 'Întâlniri viitoare' }).count()).toBe(1);
		await page.getByRole('link', { name: debate }).click();
		await page.waitForURL(/\/meetings\/[^/]+\/[^/]+$/);
		const meetingPath = new URL(page.url()).pathname;
		await visit(page, meetingPath);
		expect(await page.locator('main').innerText()).toContain('Regulile dezbaterii');

		// Signed out, the page offers to sign in and come back.
		await page.getByRole('link', { name: 'Autentificați-vă pentru a vă înscrie' }).click();
		await page.waitForURL(/\/account\/sign-in/);
		await waitForHydration(page);
		await page.fill('main input[name=email]', email);
		await page.fill('main input[name=password]', password);
		await page.locator('main form button[type=submit]').first().click();
		await page.waitForURL((url) => url.pathname === meetingPath);
		await visit(page, meetingPath);

		// Registers, asking to speak with the point they will make.
		await page
			.getByLabel(/Doriți să luați cuvântul/)
			.fill('Bani pentru pistele de biciclete din Fabric, nu pentru parcări.');
		await page.getByRole('button', { name: 'Înscrieți-vă', exact: true }).click();
		await page.waitForURL(/done=registered/);
		// The redirect lands on the registration block (#registration); check the page without the fragment.
		await visit(page, page.url().split('#')[0]);
		const confirmation = page.locator('#registration');
		await expect.poll(() => confirmation.innerText()).toContain('Sunteți înscris(ă) la această întâlnire.');
		const text = await confirmation.innerText();
		expect(text).toContain('pistele de biciclete din Fabric');
		const code = /[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}/.exec(text)?.[0];
		expect(code).toBeTruthy();

		// The confirmation e-mail has the code and a link to the calendar file.
		const mail = await latestMessage(email);
		expect(mail.subject).toContain(debate);
		expect(mail.text).toContain(code!);
		expect(mail.text).toMatch(/\/api\/v1\/meetings\/[^/\s]+\.ics/);

		// The "add to calendar" link downloads a valid iCalendar file.
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: 'Adăugați în calendar (.ics)' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/\.ics$/);
		const href = await page.getByRole('link', { name: 'Adăugați în calendar (.ics)' }).getAttribute('href');
		const response = await page.request.get(href!);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		const body = await response.text();
		expect(body).toContain('\r\n');
		const event = new ICAL.Event(new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vevent')!);
		expect(event.summary).toBe(debate);
		expect(event.uid).toContain(href!.split('/').pop()!.replace('.ics', ''));
		expect(event.location).toContain('Bulevardul C.D. Loga');

		// The process feed carries it too, and the list now counts the seat.
		const feed = await page.request.get('/feeds/processes/buget-participativ-2025.ics');
		expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		const summaries = new ICAL.Component(ICAL.parse(await feed.text()))
			.getAllSubcomponents('vevent')
			.map((v) => v.getFirstPropertyValue('summary'));
		expect(summaries).toContain(debate);

		// Cancelling frees the seat again.
		await page.getByRole('button', { name: 'Anulați înscrierea' }).click();
		await page.waitForURL(/done=cancelled/);
		await visit(page, page.url().split('#')[0]);
		await expect.poll(() => confirmation.innerText()).toContain('Înscrierea a fost anulată.');
		await context.close();
	});

	it('staff plan a meeting; a public one needs 3 days’ notice or a logged reason', async () => {
		const { page, context } = await open();
		await signInAsAdmin(page, { next: '/admin/processes' });
		await visit(page, '/admin/processes');
		await page.getByRole('link', { name: 'Consultare publică: bugetul municipiului pe 2025' }).click();
		await page.waitForURL(/\/admin\/processes\/[^/]+$/);
		await page.locator('main a[href*="/meetings/"]').first().click();
		await page.waitForURL(/\/admin\/processes\/[^/]+\/meetings\/[^/]+$/);
		await visit(page, new URL(page.url()).pathname);
		await page.getByRole('link', { name: 'Planificați o întâlnire' }).click();
		await page.waitForURL(/\/new$/);
		await visit(page, new URL(page.url()).pathname);

		// An empty form is refused with one error summary listing every problem, the cross-field ones included.
		await page.getByRole('button', { name: 'Salvați ca ciornă' }).click();
		await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Titlu (Română)');
		expect(await page.locator('.error-summary').innerText()).toContain('Introduceți adresa unde are loc întâlnirea.');

		// Tomorrow evening, in the neighbourhood school: less than 3 days away.
		const tomorrow = todayInBucharest(Date.now() + 86_400_000);
		await page.fill('input[name=title_ro]', 'Întâlnire despre iluminatul din Iosefin');
		await page.fill('textarea[name=description_ro]', 'Discutăm străzile fără lumină.');
		await page.fill('input[name=place_address]', 'Școala Gimnazială nr. 7, Strada Gheorghe Lazăr 2');
		await page.fill('input[name=place_lat]', '45,7489');
		await page.fill('input[name=place_lng]', '21.2087');
		await page.fill('input[name=startsAt]', `${tomorrow}T18:00`);
		await page.fill('input[name=endsAt]', `${tomorrow}T19:30`);
		await page.fill('input[name=agenda_title_0]', 'Străzile propuse de locuitori');
		await page.fill('input[name=agenda_minutes_0]', '45');
		await page.fill('input[name=capacity]', '40');
		await page.getByRole('button', { name: 'Salvați ca ciornă' }).click();
		await page.waitForURL(/done=created/);
		await visit(page, page.url());
		expect(await page.locator('main').innerText()).toContain('Termenul legal a trecut');

		await page.getByRole('button', { name: 'Anunțați întâlnirea' }).click();
		await expect.poll(() => page.locator('.error-summary').innerText()).toContain('Legea 52/2003');
		await page.getByLabel('Motivul publicării cu mai puțin de 3 zile înainte').fill('Avarie: iluminatul a căzut ieri.');
		await page.getByRole('button', { name: 'Anunțați întâlnirea' }).click();
		await page.waitForURL(/done=published/);
		await visit(page, page.url());
		expect(await page.locator('main').innerText()).toContain('Avarie: iluminatul a căzut ieri.');

		// The public page shows the place on the shared map, with the same place as a link in its list.
		const publicPage = await page.getByRole('link', { name: 'Vedeți pagina publică' }).getAttribute('href');
		await visit(page, publicPage!);
		await expect.poll(() => page.locator('.map-view .leaflet-container').count()).toBe(1);
		const pin = page.locator('.map-view .map-list a');
		expect(await pin.innerText()).toBe('Școala Gimnazială nr. 7, Strada Gheorghe Lazăr 2');
		expect(await pin.getAttribute('href')).toContain('mlat=45.7489&mlon=21.2087');
		await context.close();
	});
});
