/** The citizen side on a real database: possible duplicates, "me too" once under concurrency, reopening, the public page. */
import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { visitor } from '../../../../../tests/support/accounts.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { getDb } from '../../platform/db/index.ts';
import { follows, notifications } from '../../platform/db/schema.ts';
import { NotFoundError } from '../../platform/result.ts';
import { checkReport } from './commands/check-report.ts';
import { reopenReport } from './commands/reopen-report.ts';
import { supportReport } from './commands/support-report.ts';
import { findDuplicates } from './duplicates.ts';
import { reportsReports, reportsSupports, reportsUpdates } from './schema.ts';
import { insertReport, reportsSetup } from './test-support.ts';
import { LIST_COUNT_CAP, LIST_PAGE_SIZE, viewReport, viewReportList } from './views.ts';

useTestDatabase();

const settings = { duplicateRadiusMeters: 250, duplicateDays: 30, numberPrefix: 'TM' };
const DAY = 86_400_000;

describe('possible duplicates', () => {
	it('lists open, visible, recent reports of the category within the radius, nearest first', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const db = await getDb();
		const at = { lat: 45.7537, lng: 21.2257 };
		const near = await insertReport(setup, { lat: 45.7545, lng: 21.2257 }); // ≈ 89 m north
		const nearest = await insertReport(setup, { lat: 45.7538, lng: 21.2258 }); // ≈ 14 m
		await insertReport(setup, { lat: 45.757, lng: 21.2257 }); // ≈ 367 m: too far
		await insertReport(setup, { lat: 45.7537, lng: 21.2288 }); // ≈ 241 m east… inside
		await insertReport(setup, { ...at, state: 'fixed' });
		await insertReport(setup, { ...at, categoryId: setup.categories.garbage.id });
		await insertReport(setup, { ...at, createdAt: new Date(Date.now() - 31 * DAY) });
		const hidden = await insertReport(setup, at);
		await db.update(reportsReports).set({ hiddenAt: new Date() }).where(eq(reportsReports.id, hidden.id));

		const found = await findDuplicates(
			db,
			setup.moduleId,
			{ categoryId: setup.categories.pothole.id, ...at, address: null },
			settings
		);
		expect(found.map((d) => d.id).slice(0, 2)).toEqual([nearest.id, near.id]);
		expect(found).toHaveLength(3);
		expect(found[0].distance).toBeLessThan(20);
		expect(found[2].distance).toBeGreaterThan(200);
		expect(found[2].distance).toBeLessThanOrEqual(250);
		expect(found[0].registrationNumber).toMatch(/^TM-\d{4}-\d{6}$/);
	});

	it('matches by address without a pin, and is offered by the form check without writing', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const same = await insertReport(setup, { lat: null, lng: null, address: 'Strada Paris 4' });
		const result = await checkReport(visitor(), setup.moduleId, {
			categoryId: setup.categories.pothole.id,
			description: 'Groapă.',
			place: { address: '  strada paris 4 ', neighbourhoodId: null, lat: null, lng: null },
			answers: { dangerous: 'no' },
			showName: false,
			contact: {},
			photos: [],
			channel: 'web'
		});
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.value.duplicates.map((d) => d.id)).toEqual([same.id]);
		const [{ n }] = await (await getDb()).select({ n: count() }).from(reportsReports);
		expect(n).toBe(1);
	});
});

describe('me too', () => {
	it('counts one support per person even when clicked twice at once, and follows the report', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const author = await person();
		const report = await insertReport(setup, { authorId: author.id });
		const neighbour = await person();
		const [a, b] = await Promise.all([
			supportReport(neighbour, setup.moduleId, report.id),
			supportReport(neighbour, setup.moduleId, report.id)
		]);
		expect([a.ok && a.value.added, b.ok && b.value.added].sort()).toEqual([false, true]);
		const db = await getDb();
		const [row] = await db.select().from(reportsReports).where(eq(reportsReports.id, report.id));
		expect(row.supportersCount).toBe(1);
		expect(await db.select().from(reportsSupports)).toHaveLength(1);
		const followed = await db.select().from(follows).where(eq(follows.userId, neighbour.id));
		expect(followed.map((f) => f.resourceId)).toEqual([report.id]);
		expect(await supportReport(author, setup.moduleId, report.id)).toEqual({
			ok: false,
			errors: { _form: 'reports_error_support_own' }
		});
	});

	it('refuses closed and hidden reports', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const fixed = await insertReport(setup, { state: 'fixed' });
		expect(await supportReport(await person(), setup.moduleId, fixed.id)).toEqual({
			ok: false,
			errors: { _form: 'reports_error_support_closed' }
		});
		const hidden = await insertReport(setup);
		await (await getDb()).update(reportsReports).set({ hiddenAt: new Date() }).where(eq(reportsReports.id, hidden.id));
		await expect(supportReport(await person(), setup.moduleId, hidden.id)).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('reopen', () => {
	it('lets the reporter reopen a fixed report within the window, once, and tells its followers', async () => {
		const setup = await reportsSetup(await person(['admin']), { settings: { reopenDays: 28 } });
		const reporter = await person();
		const report = await insertReport(setup, { authorId: reporter.id, state: 'fixed' });
		const db = await getDb();
		const fixedAt = new Date(Date.now() - 3 * DAY);
		await db.update(reportsReports).set({ fixedAt }).where(eq(reportsReports.id, report.id));
		const follower = await person();
		await db.insert(follows).values({ userId: follower.id, resourceType: 'report', resourceId: report.id });

		expect(await reopenReport(reporter, setup.moduleId, report.id, { reason: ' ' })).toEqual({
			ok: false,
			errors: { reason: 'reports_error_reopen_reason_required' }
		});
		const [a, b] = await Promise.all([
			reopenReport(reporter, setup.moduleId, report.id, { reason: 'Groapa a reapărut.' }),
			reopenReport(reporter, setup.moduleId, report.id, { reason: 'Groapa a reapărut.' })
		]);
		expect([a.ok, b.ok].sort()).toEqual([false, true]);
		const [row] = await db.select().from(reportsReports).where(eq(reportsReports.id, report.id));
		expect(row).toMatchObject({ state: 'confirmed', fixedAt: null });
		const updates = await db.select().from(reportsUpdates).where(eq(reportsUpdates.reportId, report.id));
		expect(updates.map((u) => [u.kind, u.fromState, u.toState, u.text])).toEqual([
			['public', 'fixed', 'confirmed', 'Groapa a reapărut.']
		]);
		const told = await db.select().from(notifications).where(eq(notifications.userId, follower.id));
		expect(told.map((n) => n.key)).toEqual(['reports_notification_reopened']);
	});

	it('refuses after the window has passed', async () => {
		const setup = await reportsSetup(await person(['admin']), { settings: { reopenDays: 7 } });
		const reporter = await person();
		const report = await insertReport(setup, { authorId: reporter.id, state: 'fixed' });
		await (
			await getDb()
		)
			.update(reportsReports)
			.set({ fixedAt: new Date(Date.now() - 8 * DAY) })
			.where(eq(reportsReports.id, report.id));
		expect(await reopenReport(reporter, setup.moduleId, report.id, { reason: 'Tot nu e bine.' })).toEqual({
			ok: false,
			errors: { _form: 'reports_error_reopen_window' }
		});
	});
});

describe('public pages', () => {
	it('never show contact details, show the name only when chosen, and hide hidden reports', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const db = await getDb();
		const anonymousReport = await insertReport(setup);
		await db
			.update(reportsReports)
			.set({ contactName: 'Ana Pop', contactEmail: 'ana@example.ro', contactPhone: '0722123456' })
			.where(eq(reportsReports.id, anonymousReport.id));
		const page = await viewReport(visitor(), anonymousReport.id);
		const text = JSON.stringify(page);
		expect(text).not.toContain('Ana Pop');
		expect(text).not.toContain('ana@example.ro');
		expect(text).not.toContain('0722123456');
		expect(page.report.authorName).toBeNull();
		expect(page.timeline).toEqual([]);

		const author = await person();
		const shown = await insertReport(setup, { authorId: author.id, showName: true });
		expect((await viewReport(visitor(), shown.id)).report.authorName).toMatch(/^Person /);
		const notShown = await insertReport(setup, { authorId: author.id, showName: false });
		expect((await viewReport(visitor(), notShown.id)).report.authorName).toBeNull();

		await db.update(reportsReports).set({ hiddenAt: new Date() }).where(eq(reportsReports.id, shown.id));
		await expect(viewReport(visitor(), shown.id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(viewReport(setup.staff.lighting, shown.id)).rejects.toBeInstanceOf(NotFoundError);
		expect((await viewReport(setup.staff.roads, shown.id)).report.hidden).toBe(true);
		const list = await viewReportList(visitor(), new URLSearchParams());
		expect(list.items.map((i) => i.id).sort()).toEqual([anonymousReport.id, notShown.id].sort());
	});

	it('filters the list by state, category group and neighbourhood', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const open = await insertReport(setup);
		const fixed = await insertReport(setup, { state: 'fixed' });
		const light = await insertReport(setup, { categoryId: setup.categories.streetlight.id, neighbourhoodId: null });
		const ids = async (q: string) =>
			(await viewReportList(visitor(), new URLSearchParams(q))).items.map((i) => i.id).sort();
		expect(await ids('state=closed')).toEqual([fixed.id]);
		expect(await ids('state=open')).toEqual([open.id, light.id].sort());
		expect(await ids(`category=${setup.categories.lightingGroup.id}`)).toEqual([light.id]);
		expect(await ids(`neighbourhood=${setup.neighbourhood.id}`)).toEqual([open.id, fixed.id].sort());
		expect(await ids('state=nonsense&page=x')).toHaveLength(3);
	});

	it('pages the list with one row more than a page, and counts its matches only up to the cap', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const db = await getDb();
		const base = await insertReport(setup);
		/** Copies of the first report (fresh ids and tokens), one minute apart. */
		const copies = async (n: number) =>
			db.execute(sql`
				INSERT INTO reports_reports (id, module_id, category_id, department_id, title, description, lat, lng,
					location, address, token, created_at, updated_at)
				SELECT gen_random_uuid()::text, module_id, category_id, department_id, title, description, lat, lng,
					location, address, md5(random()::text || g::text), created_at - g * interval '1 minute', updated_at
				FROM reports_reports, generate_series(1, ${n}) AS g WHERE id = ${base.id}`);
		const list = (q = '') => viewReportList(visitor(), new URLSearchParams(q));

		await copies(2 * LIST_PAGE_SIZE - 1); // exactly two pages
		const first = await list();
		expect(first.items).toHaveLength(LIST_PAGE_SIZE);
		expect(first.items[0].id).toBe(base.id);
		expect(first).toMatchObject({ hasNextPage: true, pages: 2, matched: { count: 2 * LIST_PAGE_SIZE, more: false } });
		const second = await list('page=2');
		expect(second.items).toHaveLength(LIST_PAGE_SIZE);
		expect(second.hasNextPage).toBe(false);
		expect(second.items.map((i) => i.id)).not.toContain(first.items.at(-1)!.id);
		const past = await list('page=3');
		expect(past.items).toEqual([]);
		expect(past.hasNextPage).toBe(false);

		await copies(LIST_COUNT_CAP); // now more than the cap
		const many = await list();
		expect(many.matched).toEqual({ count: LIST_COUNT_CAP, more: true });
		expect(many.pages).toBeNull();
		expect(many.hasNextPage).toBe(true);
		// Past the cap the pages go on (1,040 reports: 52 pages), each knowing only whether another follows.
		const deep = await list(`page=${LIST_COUNT_CAP / LIST_PAGE_SIZE + 1}`);
		expect(deep.items).toHaveLength(LIST_PAGE_SIZE);
		expect(deep).toMatchObject({ hasNextPage: true, pages: null });
		const last = await list(`page=${LIST_COUNT_CAP / LIST_PAGE_SIZE + 2}`);
		expect(last.items).toHaveLength(LIST_PAGE_SIZE);
		expect(last.hasNextPage).toBe(false);
		// A filter that matches few is counted exactly again.
		expect((await list('state=closed')).matched).toEqual({ count: 0, more: false });
	});

	it('filters the list by calendar days in the city (from 00:00 to 24:00 in Europe/Bucharest)', async () => {
		const setup = await reportsSetup(await person(['admin']));
		const at = (iso: string) => insertReport(setup, { createdAt: new Date(iso) });
		const lateOn14 = await at('2026-01-14T21:30:00Z'); // 23:30 on the 14th in Timișoara (UTC+2)
		const earlyOn15 = await at('2026-01-14T22:30:00Z'); // 00:30 on the 15th
		const lateOn15 = await at('2026-01-15T21:30:00Z'); // 23:30 on the 15th
		const earlyOn16 = await at('2026-01-15T22:30:00Z'); // 00:30 on the 16th
		const summerLate = await at('2026-07-01T20:30:00Z'); // 23:30 on 1 July (UTC+3)
		const summerEarly = await at('2026-07-01T21:30:00Z'); // 00:30 on 2 July
		const ids = async (q: string) =>
			(await viewReportList(visitor(), new URLSearchParams(q))).items.map((i) => i.id).sort();
		expect(await ids('from=2026-01-15&to=2026-01-15')).toEqual([earlyOn15.id, lateOn15.id].sort());
		expect(await ids('to=2026-01-14')).toEqual([lateOn14.id]);
		expect(await ids('from=2026-01-16&to=2026-01-31')).toEqual([earlyOn16.id]);
		expect(await ids('from=2026-07-02')).toEqual([summerEarly.id]);
		expect(await ids('from=2026-07-01&to=2026-07-01')).toEqual([summerLate.id]);
	});
});
