/** Registering a report: routing, legal date, identity or anonymous notice, validation, photos, no double submissions. */
import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { lastMessage, visitor } from '../../../../../tests/support/accounts.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { getDb } from '../../platform/db/index.ts';
import { files, follows, notifications } from '../../platform/db/schema.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { createReport, type NewReport } from './commands/create-report.ts';
import type { PreparedImage } from './photos.ts';
import { reportDeadlines } from './rules.ts';
import { reportsPhotos, reportsReports, reportsUpdates } from './schema.ts';
import { reportsSetup, type ReportsSetup } from './test-support.ts';

useTestDatabase();

const input = (setup: ReportsSetup, over: Partial<NewReport> = {}): NewReport => ({
	categoryId: setup.categories.pothole.id,
	description: 'O groapă adâncă în fața blocului 4.',
	place: { address: 'Strada Paris 4', neighbourhoodId: null, lat: 45.7537, lng: 21.2257 },
	answers: { dangerous: 'yes', depth_cm: '15' },
	showName: true,
	contact: {},
	photos: [],
	channel: 'web',
	...over
});

const countOf = async (table: typeof reportsReports | typeof files | typeof reportsUpdates) =>
	(await (await getDb()).select({ n: count() }).from(table))[0].n;

async function photo(): Promise<PreparedImage> {
	const bytes = new Uint8Array(
		await sharp({ create: { width: 40, height: 30, channels: 3, background: '#884422' } })
			.jpeg()
			.toBuffer()
	);
	return {
		bytes,
		mimeType: 'image/jpeg',
		ext: 'jpg',
		size: bytes.byteLength,
		width: 40,
		height: 30,
		originalName: 'groapa.jpg'
	};
}

describe('createReport', () => {
	it('registers a signed-in citizen’s report, routed to the department, with the legal date, and tells them', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const citizen = await person();
		const now = new Date('2026-03-02T09:00:00Z');
		const result = await createReport(citizen, setup.moduleId, input(setup), now);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.value.registrationNumber).toMatch(/^TM-2026-\d{6}$/);
		expect(result.value.dueOn).toBe(reportDeadlines(now).answer.due);
		expect(result.value.anonymousNotice).toBe(false);
		const db = await getDb();
		const [row] = await db.select().from(reportsReports).where(eq(reportsReports.id, result.value.id));
		expect(row).toMatchObject({
			departmentId: setup.departments.roads.id,
			state: 'new',
			authorId: citizen.id,
			showName: true,
			neighbourhoodId: setup.neighbourhood.id,
			answers: { dangerous: 'yes', depth_cm: '15' },
			title: 'Groapă în carosabil — Strada Paris 4',
			contactEmail: null,
			location: { x: 21.2257, y: 45.7537 }
		});
		const updates = await db.select().from(reportsUpdates).where(eq(reportsUpdates.reportId, row.id));
		expect(updates.map((u) => [u.kind, u.toState])).toEqual([['system', 'new']]);
		const followed = await db.select().from(follows).where(eq(follows.resourceId, row.id));
		expect(followed.map((f) => [f.userId, f.resourceType])).toEqual([[citizen.id, 'report']]);
		const [note] = await db.select().from(notifications).where(eq(notifications.userId, citizen.id));
		expect(note).toMatchObject({ key: 'reports_notification_registered', link: `/reports/${row.id}` });
		expect(note.data).toMatchObject({ number: result.value.registrationNumber, dueOn: result.value.dueOn });
	});

	it('keeps a visitor’s contact private and e-mails them the number; without contact it is an anonymous notice', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const withContact = await createReport(
			visitor(),
			setup.moduleId,
			input(setup, { showName: true, contact: { name: 'Ana Pop', email: 'Ana@Example.ro' }, locale: 'en' })
		);
		if (!withContact.ok) throw new Error(JSON.stringify(withContact.errors));
		expect(withContact.value.anonymousNotice).toBe(false);
		const db = await getDb();
		const [row] = await db.select().from(reportsReports).where(eq(reportsReports.id, withContact.value.id));
		expect(row).toMatchObject({
			contactName: 'Ana Pop',
			contactEmail: 'ana@example.ro',
			showName: false,
			locale: 'en'
		});
		const mail = await lastMessage('ana@example.ro');
		expect(mail.text).toContain(withContact.value.registrationNumber);
		expect(mail.text).toContain(withContact.value.dueOn!);

		const notice = await createReport(visitor(), setup.moduleId, input(setup, { description: 'Alt text.' }));
		if (!notice.ok) throw new Error(JSON.stringify(notice.errors));
		expect(notice.value).toMatchObject({ anonymousNotice: true, dueOn: null });
	});

	it('refuses an anonymous notice when the city does not accept them, and half contacts', async () => {
		const setup = await reportsSetup(await person(['admin']), { settings: { anonymousNotices: false } });
		expect(await createReport(visitor(), setup.moduleId, input(setup))).toEqual({
			ok: false,
			errors: { contact_email: 'reports_error_contact_required' }
		});
		expect(await createReport(visitor(), setup.moduleId, input(setup, { contact: { name: 'Ana' } }))).toEqual({
			ok: false,
			errors: { contact_email: 'reports_error_contact_email_or_phone' }
		});
		expect(await createReport(visitor(), setup.moduleId, input(setup, { contact: { phone: '0722 123 456' } }))).toEqual(
			{
				ok: false,
				errors: { contact_name: 'reports_error_contact_name_required' }
			}
		);
		expect(await countOf(reportsReports)).toBe(0);
	});

	it('reports every invalid field at once and writes nothing', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const citizen = await person();
		const result = await createReport(
			citizen,
			setup.moduleId,
			input(setup, {
				description: '   ',
				place: { address: null, neighbourhoodId: null, lat: null, lng: null },
				contact: { email: 'not-an-address' }
			})
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				description: 'reports_error_description_required',
				place_address: 'reports_error_place_required',
				contact_email: 'reports_error_contact_email_invalid'
			}
		});
		const answers = await createReport(citizen, setup.moduleId, input(setup, { answers: { depth_cm: 'deep' } }));
		expect(answers).toEqual({
			ok: false,
			errors: { answer_dangerous: 'reports_answer_required', answer_depth_cm: 'reports_answer_number_invalid' }
		});
		const group = await createReport(
			citizen,
			setup.moduleId,
			input(setup, { categoryId: setup.categories.roadsGroup.id })
		);
		expect(group).toEqual({ ok: false, errors: { category: 'reports_error_category' } });
		const far = await createReport(
			citizen,
			setup.moduleId,
			input(setup, { place: { address: null, neighbourhoodId: null, lat: 44.43, lng: 26.1 } })
		);
		expect(far).toEqual({
			ok: false,
			errors: { place_lat: 'maps_place_outside_city', place_lng: 'maps_place_outside_city' }
		});
		const many = await createReport(
			citizen,
			setup.moduleId,
			input(setup, { photos: [await photo(), await photo(), await photo(), await photo()] })
		);
		expect(many).toEqual({ ok: false, errors: { photos: 'reports_error_photos_too_many' } });
		expect(await countOf(reportsReports)).toBe(0);
		expect(await countOf(files)).toBe(0);
	});

	it('stores the photos with the report and takes an address without a pin', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const result = await createReport(
			visitor(),
			setup.moduleId,
			input(setup, {
				place: { address: 'Bulevardul Take Ionescu 10', neighbourhoodId: null, lat: null, lng: null },
				photos: [await photo(), await photo()]
			})
		);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const db = await getDb();
		const photos = await db.select().from(reportsPhotos).where(eq(reportsPhotos.reportId, result.value.id));
		expect(photos.map((p) => p.position)).toEqual([0, 1]);
		const stored = await db.select().from(files);
		expect(stored.map((f) => [f.ownerId, f.mimeType])).toEqual([
			[null, 'image/jpeg'],
			[null, 'image/jpeg']
		]);
		const [row] = await db.select().from(reportsReports).where(eq(reportsReports.id, result.value.id));
		expect(row).toMatchObject({ lat: null, location: null, address: 'Bulevardul Take Ionescu 10' });
	});

	it('registers a double-clicked send once', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const citizen = await person();
		// Several at once, so that without the guard their checks would overlap before any of them commits.
		const results = await Promise.all(
			Array.from({ length: 5 }, () => createReport(citizen, setup.moduleId, input(setup)))
		);
		const ids = new Set(results.map((r) => (r.ok ? r.value.id : 'failed')));
		expect([...ids]).toHaveLength(1);
		expect(ids.has('failed')).toBe(false);
		expect(await countOf(reportsReports)).toBe(1);
		expect(await countOf(reportsUpdates)).toBe(1);
		const sent = await (await getDb()).select().from(notifications).where(eq(notifications.userId, citizen.id));
		expect(sent).toHaveLength(1);
	});

	it('is refused while reporting is closed, and writes nothing', async () => {
		const setup = await reportsSetup(await person(['admin']), { phase: { reportingOpen: false } });
		await expect(createReport(await person(), setup.moduleId, input(setup))).rejects.toBeInstanceOf(ForbiddenError);
		expect(await countOf(reportsReports)).toBe(0);
	});
});
