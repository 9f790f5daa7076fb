/** A reporter without an account says "not fixed" through the link in the e-mail telling them it was fixed. */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { lastMessage, visitor } from '../../../../../tests/support/accounts.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { getDb } from '../../platform/db/index.ts';
import { listOutbox } from '../../platform/notifications/outbox.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { bulkUpdateReports } from './commands/bulk-update-reports.ts';
import { createReport, type NewReport } from './commands/create-report.ts';
import { reopenReport } from './commands/reopen-report.ts';
import { updateReport } from './commands/update-report.ts';
import { reopenKey } from './reopen-key.ts';
import { reportsReports, reportsUpdates } from './schema.ts';
import { insertReport, reportsSetup, type ReportsSetup } from './test-support.ts';
import { viewReopenByLink } from './views.ts';

useTestDatabase();

const DAY = 86_400_000;
const EMAIL = 'ana@example.ro';

const reportInput = (setup: ReportsSetup, description: string): NewReport => ({
	categoryId: setup.categories.pothole.id,
	description,
	place: { address: 'Strada Paris 4', neighbourhoodId: null, lat: 45.7537, lng: 21.2257 },
	answers: { dangerous: 'yes' },
	showName: false,
	contact: { name: 'Ana Pop', email: 'Ana@Example.ro' },
	photos: [],
	channel: 'web',
	locale: 'en'
});

/** A report sent without an account, with a contact e-mail, that staff have marked fixed (at `fixedAt`). */
async function fixedContactReport(setup: ReportsSetup, description: string, fixedAt = new Date()) {
	const created = await createReport(visitor(), setup.moduleId, reportInput(setup, description));
	if (!created.ok) throw new Error(JSON.stringify(created.errors));
	const fixed = await updateReport(
		setup.staff.roads,
		created.value.id,
		{ state: 'fixed', text: 'Groapa a fost astupată.' },
		fixedAt
	);
	if (!fixed.ok) throw new Error(JSON.stringify(fixed.errors));
	return created.value;
}

/** The reopen link in the last e-mail to the reporter, and its key. */
async function reopenLinkIn(reportId: string) {
	const { text } = await lastMessage(EMAIL);
	const found = text.match(new RegExp(`(\\S+/reports/${reportId}/reopen\\?key=([\\w-]+))`));
	if (!found) throw new Error(`no reopen link in: ${text}`);
	return { text, url: found[1], key: found[2] };
}

/** The call is refused (403) for this reason. */
async function refused(call: Promise<unknown>, reason: string) {
	const error = await call.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ForbiddenError);
	expect((error as ForbiddenError).reason).toBe(reason);
}

describe('reopening by the link in the "fixed" e-mail', () => {
	it('e-mails a working link when the report is fixed; the link reopens it once', async () => {
		const setup = await reportsSetup(await person(['admin']), { settings: { reopenDays: 7, numberPrefix: 'TM' } });
		const created = await createReport(visitor(), setup.moduleId, reportInput(setup, 'Groapă adâncă.'));
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		const confirmed = await updateReport(setup.staff.roads, created.value.id, { state: 'confirmed', text: 'Văzut.' });
		expect(confirmed.ok).toBe(true);
		// Only the e-mail saying it is fixed carries the link.
		expect((await lastMessage(EMAIL)).text).not.toContain('/reopen');
		const fixed = await updateReport(setup.staff.roads, created.value.id, { state: 'fixed', text: 'Astupată.' });
		expect(fixed.ok).toBe(true);

		const { text, url, key } = await reopenLinkIn(created.value.id);
		expect(text).toContain('Not fixed? Tell us by');
		// Written to an address, not an account: it greets by the name left, offers no notification settings, and
		// the reopen paragraph comes before the line saying why the address is written to.
		expect(text.startsWith('Hello Ana Pop,\n\n')).toBe(true);
		expect(text).not.toContain('/account/notifications');
		expect(text.indexOf('Not fixed?')).toBeLessThan(text.indexOf('because you left this address'));
		expect(text).toContain(`/en/reports/${created.value.id}\n`);
		expect(new URL(url).pathname).toBe(`/en/reports/${created.value.id}/reopen`);
		expect(key).toBe(reopenKey(created.value.id, EMAIL));

		const page = await viewReopenByLink(visitor(), created.value.id, key);
		expect(page).toMatchObject({
			moduleId: setup.moduleId,
			canReopen: true,
			report: { id: created.value.id, registrationNumber: created.value.registrationNumber, state: 'fixed' }
		});
		const db = await getDb();
		const [before] = await db.select().from(reportsReports).where(eq(reportsReports.id, created.value.id));
		expect(page.reopenUntil!.getTime()).toBe(before.fixedAt!.getTime() + 7 * DAY);

		expect(await reopenReport(visitor(), setup.moduleId, created.value.id, { reason: ' ', key })).toEqual({
			ok: false,
			errors: { reason: 'reports_error_reopen_reason_required' }
		});
		expect(
			await reopenReport(visitor(), setup.moduleId, created.value.id, { reason: 'Groapa a reapărut.', key })
		).toEqual({ ok: true, value: { reopened: true } });
		const [row] = await db.select().from(reportsReports).where(eq(reportsReports.id, created.value.id));
		expect(row).toMatchObject({ state: 'confirmed', fixedAt: null, closedAt: null });
		const [last] = await db
			.select()
			.from(reportsUpdates)
			.where(eq(reportsUpdates.reportId, created.value.id))
			.orderBy(reportsUpdates.createdAt)
			.then((rows) => rows.slice(-1));
		expect(last).toMatchObject({
			kind: 'public',
			fromState: 'fixed',
			toState: 'confirmed',
			text: 'Groapa a reapărut.',
			authorId: null
		});
		// The reporter gets the state change like every other one (their receipt), without a new link.
		const receipt = await lastMessage(EMAIL);
		expect(receipt.text).toContain(created.value.registrationNumber);
		expect(receipt.text).not.toContain('/reopen');

		// A second time the report is no longer fixed: refused with today's message, and the page offers no form.
		expect(await reopenReport(visitor(), setup.moduleId, created.value.id, { reason: 'Iar.', key })).toEqual({
			ok: false,
			errors: { _form: 'reports_error_reopen_window' }
		});
		expect(await viewReopenByLink(visitor(), created.value.id, key)).toMatchObject({
			canReopen: false,
			reopenUntil: null
		});
	});

	it('refuses a key for another report, for another address, a made-up one, and a stranger without one', async () => {
		const setup = await reportsSetup(await person(['admin']), { settings: { reopenDays: 7 } });
		const mine = await fixedContactReport(setup, 'Groapă adâncă.');
		const { key } = await reopenLinkIn(mine.id);
		const other = await fixedContactReport(setup, 'Altă groapă, pe trotuar.');
		const otherKey = (await reopenLinkIn(other.id)).key;
		expect(otherKey).not.toBe(key);
		const stranger = await person();
		const reopen = (actor = visitor(), k?: unknown) =>
			reopenReport(actor, setup.moduleId, mine.id, { reason: 'Nu e reparată.', key: k });

		const invalidLink = 'reports_error_reopen_link_invalid';
		await refused(reopen(visitor(), otherKey), invalidLink);
		await refused(reopen(visitor(), reopenKey(mine.id, 'ion@example.ro')), invalidLink);
		await refused(reopen(visitor(), `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`), invalidLink);
		await refused(reopen(visitor(), ['not', 'a', 'key']), invalidLink);
		await refused(reopen(stranger, otherKey), invalidLink);
		await refused(reopen(visitor()), 'reports_error_not_your_report');
		await refused(reopen(stranger), 'reports_error_not_your_report');
		await refused(viewReopenByLink(visitor(), mine.id, otherKey), invalidLink);
		await refused(viewReopenByLink(visitor(), mine.id, ''), invalidLink);

		// A report with an author has no link: its reporter signs in. The key fails once the address is erased.
		const author = await person();
		const authored = await insertReport(setup, { authorId: author.id, state: 'fixed' });
		const db = await getDb();
		await db.update(reportsReports).set({ fixedAt: new Date() }).where(eq(reportsReports.id, authored.id));
		await refused(
			reopenReport(visitor(), setup.moduleId, authored.id, { reason: 'Nu.', key: reopenKey(authored.id, EMAIL) }),
			invalidLink
		);
		await db.update(reportsReports).set({ contactEmail: null }).where(eq(reportsReports.id, mine.id));
		await refused(reopen(visitor(), key), invalidLink);

		const states = await db.select({ state: reportsReports.state }).from(reportsReports);
		expect(states.map((s) => s.state)).toEqual(['fixed', 'fixed', 'fixed']);
	});

	it('refuses after the window, with the message of today, and the page says so', async () => {
		const setup = await reportsSetup(await person(['admin']), { settings: { reopenDays: 7 } });
		const late = await fixedContactReport(setup, 'Groapă veche.', new Date(Date.now() - 8 * DAY));
		const { key } = await reopenLinkIn(late.id);
		expect(await reopenReport(visitor(), setup.moduleId, late.id, { reason: 'Tot nu e bine.', key })).toEqual({
			ok: false,
			errors: { _form: 'reports_error_reopen_window' }
		});
		expect(await viewReopenByLink(visitor(), late.id, key)).toMatchObject({ canReopen: false, reopenUntil: null });
		const [row] = await (await getDb()).select().from(reportsReports).where(eq(reportsReports.id, late.id));
		expect(row.state).toBe('fixed');
	});

	it('sends the link as well when staff mark reports fixed in bulk', async () => {
		const setup = await reportsSetup(await person(['admin']), { settings: { reopenDays: 7 } });
		const created = await createReport(visitor(), setup.moduleId, reportInput(setup, 'Groapă din listă.'));
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		const bulk = await bulkUpdateReports(setup.staff.roads, [created.value.id], {
			kind: 'state',
			state: 'fixed',
			text: 'Rezolvate toate.'
		});
		expect(bulk).toMatchObject({ ok: true, value: { done: 1 } });
		const { key } = await reopenLinkIn(created.value.id);
		expect(await reopenReport(visitor(), setup.moduleId, created.value.id, { reason: 'Nu e rezolvată.', key })).toEqual(
			{
				ok: true,
				value: { reopened: true }
			}
		);
	});

	it('sends no link when the city allows no reopening', async () => {
		const setup = await reportsSetup(await person(['admin']), { settings: { reopenDays: 0 } });
		await fixedContactReport(setup, 'Groapă fără termen.');
		const mails = await listOutbox({ to: EMAIL, limit: 10 });
		expect(mails.map((m) => m.text.includes('/reopen'))).toEqual([false, false]);
	});
});
