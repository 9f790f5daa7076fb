/**
 * The web form's two steps: a photo's GPS places the pin (with consent), duplicates first, photos carried to "send";
 * the same form as staff fill it in for a report received by phone, letter or at the counter.
 */
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { lastMessage, visitor } from '../../../../../tests/support/accounts.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { getDb } from '../../platform/db/index.ts';
import { files, follows } from '../../platform/db/schema.ts';
import { getStorage } from '../../platform/files/storage.ts';
import { PHOTO_GPS, asFile, phonePhoto, elfProgram } from '../../platform/files/test-fixtures.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { anonymousReportsByIp, submitReportForm } from './report-form.ts';
import { reportsPhotos, reportsReports } from './schema.ts';
import { insertReport, reportsSetup, type ReportsSetup } from './test-support.ts';
import { viewReportForm } from './views.ts';

useTestDatabase();

function form(setup: ReportsSetup, extra: [string, string | File][] = []) {
	const data = new FormData();
	data.set('category', setup.categories.pothole.id);
	data.set('answer_dangerous', 'yes');
	data.set('description', 'Groapă mare lângă fântână.');
	data.set('contact_name', 'Ana Pop');
	data.set('contact_email', 'ana@example.ro');
	for (const [k, v] of extra) data.append(k, v);
	return data;
}

describe('the report form', () => {
	it('places the pin from the photo’s GPS, shows the duplicate, then sends with the carried photo', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const existing = await insertReport(setup, { lat: PHOTO_GPS.lat, lng: PHOTO_GPS.lng });
		const photo = asFile(await phonePhoto(), 'IMG_1.jpg', 'image/jpeg');
		const step1 = await submitReportForm(
			visitor(),
			form(setup, [
				['photos', photo],
				['gps_consent', 'yes']
			]),
			{ locale: 'ro', confirmed: false }
		);
		if (step1.step !== 'duplicates') throw new Error(JSON.stringify(step1));
		expect(step1.duplicates.map((d) => d.id)).toEqual([existing.id]);
		expect(step1.values.fields.place_lat).toBe(String(PHOTO_GPS.lat));
		expect(step1.values.photos).toHaveLength(1);
		expect(step1.values.photos[0]).toMatch(/^data:image\/jpeg;name=IMG_1\.jpg;base64,/);

		// Step 2 posts the values back as hidden fields, the photo as a data URL.
		const carried = new FormData();
		for (const [k, v] of Object.entries(step1.values.fields))
			for (const value of Array.isArray(v) ? v : [v]) carried.append(k, value);
		carried.append('carried_photo', step1.values.photos[0]);
		const step2 = await submitReportForm(visitor(), carried, { locale: 'ro', confirmed: true });
		if (step2.step !== 'created') throw new Error(JSON.stringify(step2));
		const db = await getDb();
		const [row] = await db.select().from(reportsReports).where(eq(reportsReports.id, step2.report.id));
		expect(row).toMatchObject({ lat: PHOTO_GPS.lat, lng: PHOTO_GPS.lng, neighbourhoodId: setup.neighbourhood.id });
		const [stored] = await db
			.select({ key: files.storageKey })
			.from(reportsPhotos)
			.innerJoin(files, eq(files.id, reportsPhotos.fileId))
			.where(eq(reportsPhotos.reportId, row.id));
		const object = (await (await getStorage()).get(stored.key))!;
		const meta = await sharp(Buffer.from(await new Response(object.body).arrayBuffer())).metadata();
		expect(meta.exif).toBeUndefined();
	});

	it('ignores the photo’s GPS without consent and refuses a program dressed as a photo, keeping the values', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const noConsent = await submitReportForm(
			visitor(),
			form(setup, [['photos', asFile(await phonePhoto(), 'IMG_2.jpg', 'image/jpeg')]]),
			{ locale: 'ro', confirmed: false }
		);
		if (noConsent.step !== 'invalid') throw new Error(JSON.stringify(noConsent));
		expect(noConsent.errors).toEqual({ place_address: 'reports_error_place_required' });
		expect(noConsent.values.fields.description).toBe('Groapă mare lângă fântână.');

		const program = await submitReportForm(
			visitor(),
			form(setup, [
				['photos', asFile(elfProgram(), 'poza.jpg', 'image/jpeg')],
				['place_address', 'Piața Unirii 1']
			]),
			{ locale: 'ro', confirmed: false }
		);
		if (program.step !== 'invalid') throw new Error(JSON.stringify(program));
		expect(program.errors).toEqual({ photos: 'files_error_executable' });
		expect(await (await getDb()).select().from(reportsReports)).toHaveLength(0);
	});
});

describe('reports without an account', () => {
	it('are limited per address, while signed-in people are not', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const ip = '203.0.113.9';
		const send = (i: number, who = visitor(ip)) =>
			submitReportForm(who, form(setup, [['place_address', `Strada Test ${i}`]]), { locale: 'ro', confirmed: true });
		for (let i = 0; i < anonymousReportsByIp.limit; i++) expect((await send(i)).step).toBe('created');
		const refused = await send(99);
		expect(refused).toMatchObject({ step: 'invalid', errors: { _form: 'reports_error_too_many_reports' } });
		expect((await send(100, visitor('203.0.113.10'))).step).toBe('created');
		expect((await send(101, await person())).step).toBe('created');
		expect(await (await getDb()).select().from(reportsReports)).toHaveLength(anonymousReportsByIp.limit + 2);
	});
});

describe('reports staff record for someone else (phone, letter, counter)', () => {
	it('belong to the contact typed in, in the language chosen for them, and only staff may record them', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const clerk = setup.staff.lighting;
		const phoned = form(setup, [
			['place_address', 'Strada Paris 4'],
			['locale', 'hu']
		]);
		phoned.set('contact_email', 'Kovacs.Maria@example.ro');
		phoned.set('contact_name', 'Kovács Mária');
		const created = await submitReportForm(clerk, phoned, { locale: 'ro', confirmed: true, channel: 'staff' });
		if (created.step !== 'created') throw new Error(JSON.stringify(created));
		const db = await getDb();
		const [row] = await db.select().from(reportsReports).where(eq(reportsReports.id, created.report.id));
		// Not the clerk's report (they handle another department and never follow it): the caller's, in Hungarian.
		expect(row).toMatchObject({
			channel: 'staff',
			authorId: null,
			contactName: 'Kovács Mária',
			contactEmail: 'kovacs.maria@example.ro',
			locale: 'hu',
			anonymousNotice: false,
			departmentId: setup.categories.pothole.departmentId
		});
		expect(await db.select().from(follows).where(eq(follows.userId, clerk.id))).toEqual([]);
		const mail = await lastMessage('kovacs.maria@example.ro');
		expect(mail.text.startsWith('Jó napot, Kovács Mária!')).toBe(true);
		expect(mail.text).toContain(created.report.registrationNumber);

		// A language that is not one of ours falls back to the clerk's; a caller who gives no contact makes an
		// anonymous notice (the test city accepts them), with no answer date.
		const odd = form(setup, [
			['place_address', 'Strada Paris 6'],
			['locale', 'xx']
		]);
		odd.delete('contact_name');
		odd.delete('contact_email');
		const notice = await submitReportForm(clerk, odd, { locale: 'ro', confirmed: true, channel: 'staff' });
		if (notice.step !== 'created') throw new Error(JSON.stringify(notice));
		const [noticeRow] = await db.select().from(reportsReports).where(eq(reportsReports.id, notice.report.id));
		expect(noticeRow).toMatchObject({ locale: 'ro', anonymousNotice: true, dueOn: null, authorId: null });

		// A citizen, signed in or not, cannot record a report in someone else's name, nor open the staff form.
		for (const who of [visitor(), await person()]) {
			const refused = await submitReportForm(who, form(setup, [['place_address', 'Strada Paris 10']]), {
				locale: 'ro',
				confirmed: false,
				channel: 'staff'
			}).then(
				() => null,
				(e: unknown) => e
			);
			expect(refused).toBeInstanceOf(ForbiddenError);
			await expect(viewReportForm(who, { channel: 'staff' })).rejects.toBeInstanceOf(ForbiddenError);
		}
		expect(await db.select().from(reportsReports)).toHaveLength(2);
	});
});
