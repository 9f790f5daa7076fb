/** The staff side of reports on a real database: updates, notes, assignment, merge, re-route, forwarding, extension,
 * moderation, bulk actions, reminders, the category tree and department heads. */
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { getDb } from '../../platform/db/index.ts';
import { auditLog, departmentMembers, follows, notifications } from '../../platform/db/schema.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { readCategoryForm } from './category-form.ts';
import { addInternalNote } from './commands/add-internal-note.ts';
import { assignReport } from './commands/assign-report.ts';
import { bulkUpdateReports } from './commands/bulk-update-reports.ts';
import { extendDeadline } from './commands/extend-deadline.ts';
import { forwardReport } from './commands/forward-report.ts';
import { hideReport } from './commands/hide-report.ts';
import { mergeReports } from './commands/merge-reports.ts';
import { rerouteReport } from './commands/reroute-report.ts';
import { restoreReport } from './commands/restore-report.ts';
import { saveCategory } from './commands/save-category.ts';
import { setDepartmentHead } from './commands/set-department-head.ts';
import { updateReport } from './commands/update-report.ts';
import { inbox, staffReport } from './inbox.ts';
import { sendReportReminders } from './reminders.ts';
import { reportDeadlines } from './rules.ts';
import { reportsCategories, reportsPhotos, reportsReports, reportsSupports, reportsUpdates } from './schema.ts';
import { insertReport, reportsSetup } from './test-support.ts';

const database = useTestDatabase();

async function world() {
	const admin = await person(['admin']);
	const setup = await reportsSetup(admin);
	const citizen = await person();
	return { admin, setup, citizen };
}

const reportRow = async (id: string) =>
	(await (await getDb()).select().from(reportsReports).where(eq(reportsReports.id, id)))[0];
const notificationsOf = async (userId: string) =>
	(await getDb()).select().from(notifications).where(eq(notifications.userId, userId));
const png = async () =>
	new File(
		[
			new Uint8Array(
				await sharp({ create: { width: 40, height: 30, channels: 3, background: '#a33' } })
					.png()
					.toBuffer()
			)
		],
		'groapa.png',
		{ type: 'image/png' }
	);

describe('update a report', () => {
	it('confirms, updates with a photo and fixes; the reporter is told each time', async () => {
		const { setup, citizen } = await world();
		const report = await insertReport(setup, { authorId: citizen.id });
		const staff = setup.staff.roads;
		const confirmed = await updateReport(staff, report.id, {
			state: 'confirmed',
			text: 'Am verificat pe teren.',
			expectedState: 'new'
		});
		expect(confirmed.ok).toBe(true);
		const withPhoto = await updateReport(staff, report.id, {
			text: 'Echipa a pornit lucrarea.',
			photos: [await png()]
		});
		expect(withPhoto.ok).toBe(true);
		const fixed = await updateReport(staff, report.id, { state: 'fixed', text: 'Groapa a fost astupată.' });
		expect(fixed.ok).toBe(true);
		const row = await reportRow(report.id);
		expect(row.state).toBe('fixed');
		expect(row.firstAnsweredAt).not.toBeNull();
		expect(row.fixedAt).not.toBeNull();
		expect(row.closedAt).not.toBeNull();
		const db = await getDb();
		const updates = await db.select().from(reportsUpdates).where(eq(reportsUpdates.reportId, report.id));
		expect(updates.map((u) => [u.kind, u.toState])).toEqual(
			expect.arrayContaining([
				['public', 'confirmed'],
				['public', null],
				['public', 'fixed']
			])
		);
		const photos = await db.select().from(reportsPhotos).where(eq(reportsPhotos.reportId, report.id));
		expect(photos).toHaveLength(1);
		expect(photos[0].updateId).toBe(withPhoto.ok && withPhoto.value.updateId);
		const told = await notificationsOf(citizen.id);
		expect(told.map((n) => n.key).sort()).toEqual([
			'reports_staff_notification_state',
			'reports_staff_notification_state',
			'reports_staff_notification_update'
		]);
		expect(told.find((n) => (n.data.text as string) === 'Groapa a fost astupată.')?.link).toBe(`/reports/${report.id}`);
		const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'report.update'));
		expect(audit).toHaveLength(3);
	});

	it('refuses a move the state machine forbids, a missing reason, and empty text', async () => {
		const { setup } = await world();
		const report = await insertReport(setup, { state: 'closed' });
		const staff = setup.staff.roads;
		expect(await updateReport(staff, report.id, { state: 'fixed', text: 'x' })).toEqual({
			ok: false,
			errors: { state: 'reports_staff_error_move' }
		});
		const open = await insertReport(setup);
		expect(await updateReport(staff, open.id, { state: 'cannot_fix', text: 'Nu avem buget.' })).toEqual({
			ok: false,
			errors: { reason: 'reports_staff_error_reason' }
		});
		expect((await updateReport(staff, open.id, { text: '  ' })).ok).toBe(false);
		const done = await updateReport(staff, open.id, {
			state: 'cannot_fix',
			text: 'Nu avem buget.',
			reason: 'Teren privat'
		});
		expect(done.ok).toBe(true);
		expect((await reportRow(open.id)).stateReason).toBe('Teren privat');
	});

	it('applies a form sent twice at once only once', async () => {
		const { setup } = await world();
		const report = await insertReport(setup);
		const staff = setup.staff.roads;
		const input = { state: 'confirmed' as const, text: 'Confirmat.', expectedState: 'new' as const };
		const results = await Promise.all([updateReport(staff, report.id, input), updateReport(staff, report.id, input)]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const updates = await (await getDb()).select().from(reportsUpdates).where(eq(reportsUpdates.reportId, report.id));
		expect(updates).toHaveLength(1);
	});

	it('lets only staff of the report department act; nothing is written otherwise', async () => {
		const { setup, citizen } = await world();
		const report = await insertReport(setup);
		await expect(updateReport(setup.staff.lighting, report.id, { text: 'x' })).rejects.toThrow(ForbiddenError);
		await expect(addInternalNote(citizen, report.id, { note: 'x' })).rejects.toThrow(ForbiddenError);
		expect(await (await getDb()).select().from(reportsUpdates)).toHaveLength(0);
	});
});

describe('notes and assignment', () => {
	it('keeps internal notes internal and tells nobody', async () => {
		const { setup, citizen } = await world();
		const report = await insertReport(setup, { authorId: citizen.id });
		expect((await addInternalNote(setup.staff.roads, report.id, { note: 'Trimitem echipa luni.' })).ok).toBe(true);
		const [note] = await (await getDb()).select().from(reportsUpdates).where(eq(reportsUpdates.reportId, report.id));
		expect(note.kind).toBe('internal');
		expect(await notificationsOf(citizen.id)).toHaveLength(0);
	});

	it('assigns to a member of the department only, and tells the assignee', async () => {
		const { setup } = await world();
		const report = await insertReport(setup);
		expect(await assignReport(setup.staff.roads, report.id, setup.staff.lighting.id)).toEqual({
			ok: false,
			errors: { assigneeId: 'reports_staff_error_not_member' }
		});
		expect(await assignReport(setup.staff.roadsHead, report.id, setup.staff.roads.id)).toEqual({
			ok: true,
			value: { changed: true }
		});
		expect((await reportRow(report.id)).assigneeId).toBe(setup.staff.roads.id);
		const told = await notificationsOf(setup.staff.roads.id);
		expect(told.map((n) => n.key)).toEqual(['reports_staff_notification_assigned']);
		expect(told[0].link).toBe(`/admin/reports/${report.id}`);
		// Assigning the same person again changes nothing and tells nobody again.
		expect(await assignReport(setup.staff.roadsHead, report.id, setup.staff.roads.id)).toEqual({
			ok: true,
			value: { changed: false }
		});
		expect(await notificationsOf(setup.staff.roads.id)).toHaveLength(1);
	});
});

describe('merge duplicates', () => {
	it('carries supporters and followers over without doubles', async () => {
		const { setup, citizen } = await world();
		const db = await getDb();
		const [a, b, c] = [citizen, await person(), await person()];
		const keep = await insertReport(setup, { authorId: a.id });
		const duplicate = await insertReport(setup, { authorId: b.id });
		await db.insert(reportsSupports).values([
			{ reportId: keep.id, userId: c.id },
			{ reportId: duplicate.id, userId: c.id }
		]);
		await db.update(reportsReports).set({ supportersCount: 1 }).where(eq(reportsReports.id, keep.id));
		await db.insert(follows).values([
			{ userId: b.id, resourceType: 'report', resourceId: duplicate.id },
			{ userId: c.id, resourceType: 'report', resourceId: duplicate.id },
			{ userId: c.id, resourceType: 'report', resourceId: keep.id }
		]);
		const merged = await mergeReports(setup.staff.roads, duplicate.id, keep.id);
		expect(merged).toEqual({ ok: true, value: { supportersCount: 2 } });
		const dup = await reportRow(duplicate.id);
		expect(dup.state).toBe('duplicate');
		expect(dup.duplicateOfId).toBe(keep.id);
		expect((await reportRow(keep.id)).supportersCount).toBe(2);
		const supporters = await db.select().from(reportsSupports).where(eq(reportsSupports.reportId, keep.id));
		expect(supporters.map((s) => s.userId).sort()).toEqual([b.id, c.id].sort());
		const followers = await db
			.select()
			.from(follows)
			.where(and(eq(follows.resourceType, 'report'), eq(follows.resourceId, keep.id)));
		expect(followers.map((f) => f.userId).sort()).toEqual([b.id, c.id].sort());
		expect((await notificationsOf(b.id)).map((n) => n.key)).toEqual(['reports_staff_notification_merged']);
		// Merging again is refused: the duplicate is already closed.
		expect((await mergeReports(setup.staff.roads, duplicate.id, keep.id)).ok).toBe(false);
	});

	it('merges twice at once only once', async () => {
		const { setup } = await world();
		const keep = await insertReport(setup);
		const duplicate = await insertReport(setup);
		const results = await Promise.all([
			mergeReports(setup.staff.roads, duplicate.id, keep.id),
			mergeReports(setup.staff.roads, duplicate.id, keep.id)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const logs = await (await getDb()).select().from(reportsUpdates).where(eq(reportsUpdates.reportId, keep.id));
		expect(logs).toHaveLength(1);
	});

	it('refuses a target in a department the staff member does not handle', async () => {
		const { setup } = await world();
		const light = await insertReport(setup, { categoryId: setup.categories.streetlight.id });
		const road = await insertReport(setup);
		await expect(mergeReports(setup.staff.roads, road.id, light.id)).rejects.toThrow(ForbiddenError);
		expect((await reportRow(road.id)).state).toBe('new');
	});
});

describe('re-route, forward, extend', () => {
	it('re-routes to another category and its department, clearing the assignment', async () => {
		const { setup } = await world();
		const report = await insertReport(setup);
		await assignReport(setup.staff.roads, report.id, setup.staff.roads.id);
		const done = await rerouteReport(setup.staff.roads, report.id, { categoryId: setup.categories.streetlight.id });
		expect(done).toEqual({ ok: true, value: { departmentId: setup.departments.lighting.id } });
		const row = await reportRow(report.id);
		expect(row.categoryId).toBe(setup.categories.streetlight.id);
		expect(row.assigneeId).toBeNull();
		// The roads staff no longer handle it; lighting does.
		await expect(addInternalNote(setup.staff.roads, report.id, { note: 'x' })).rejects.toThrow(ForbiddenError);
		expect((await addInternalNote(setup.staff.lighting, report.id, { note: 'Preluat.' })).ok).toBe(true);
		expect(
			(await rerouteReport(setup.staff.lighting, report.id, { categoryId: setup.categories.roadsGroup.id })).ok
		).toBe(false);
	});

	it('forwards to an outside body and gives the reporter the notice, late when past 5 days', async () => {
		const { setup, citizen } = await world();
		const old = new Date(Date.now() - 10 * 86_400_000);
		const report = await insertReport(setup, { authorId: citizen.id, createdAt: old });
		const done = await forwardReport(setup.staff.roads, report.id, { body: 'Aquatim S.A.', text: 'Țeava de apă.' });
		expect(done).toEqual({ ok: true, value: { late: true } });
		const row = await reportRow(report.id);
		expect(row.state).toBe('not_responsible');
		expect(row.responsibleBody).toBe('Aquatim S.A.');
		expect(row.forwardedAt).not.toBeNull();
		const [told] = await notificationsOf(citizen.id);
		expect(told.key).toBe('reports_staff_notification_forwarded');
		expect(told.data.body).toBe('Aquatim S.A.');
		expect((await forwardReport(setup.staff.roads, report.id, { body: 'Altcineva' })).ok).toBe(false);
		const fresh = await insertReport(setup, { authorId: citizen.id });
		expect(await forwardReport(setup.staff.roads, fresh.id, { body: 'Poliția Locală' })).toEqual({
			ok: true,
			value: { late: false }
		});
	});

	it('extends the answer date once by at most 15 days, never for an anonymous notice', async () => {
		const { setup, citizen } = await world();
		const report = await insertReport(setup, { authorId: citizen.id });
		expect((await extendDeadline(setup.staff.roads, report.id, { days: 16, reason: 'Necesită expertiză.' })).ok).toBe(
			false
		);
		const results = await Promise.all([
			extendDeadline(setup.staff.roads, report.id, { days: '15', reason: 'Necesită expertiză tehnică.' }),
			extendDeadline(setup.staff.roads, report.id, { days: '15', reason: 'Necesită expertiză tehnică.' })
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const row = await reportRow(report.id);
		expect(row.extendedDueOn! > row.dueOn!).toBe(true);
		expect(row.extensionReason).toBe('Necesită expertiză tehnică.');
		expect((await notificationsOf(citizen.id)).map((n) => n.key)).toEqual(['reports_staff_notification_extended']);
		const notice = await insertReport(setup);
		expect(await extendDeadline(setup.staff.roads, notice.id, { days: 5, reason: 'Motiv suficient.' })).toEqual({
			ok: false,
			errors: { days: 'reports_staff_error_no_deadline' }
		});
	});
});

describe('moderation and bulk actions', () => {
	it('hides and restores with a reason; a citizen cannot', async () => {
		const { setup, citizen } = await world();
		const report = await insertReport(setup);
		await expect(hideReport(citizen, report.id, { reason: 'Date personale.' })).rejects.toThrow(ForbiddenError);
		expect((await hideReport(setup.staff.roads, report.id, { reason: '' })).ok).toBe(false);
		expect(await hideReport(setup.staff.roads, report.id, { reason: 'Date personale în fotografie.' })).toEqual({
			ok: true,
			value: { changed: true }
		});
		expect((await reportRow(report.id)).hiddenAt).not.toBeNull();
		const moderator = await person(['moderator']);
		expect((await restoreReport(moderator, report.id, { reason: 'Fotografie înlocuită.' })).ok).toBe(true);
		expect((await reportRow(report.id)).hiddenAt).toBeNull();
		const actions = await (await getDb()).select({ action: auditLog.action }).from(auditLog);
		expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['report.hide', 'report.restore']));
	});

	it('assigns and moves several reports at once; a foreign report stops everything', async () => {
		const { setup } = await world();
		const [one, two] = [await insertReport(setup), await insertReport(setup)];
		const assigned = await bulkUpdateReports(setup.staff.roads, [one.id, two.id], {
			kind: 'assign',
			assigneeId: setup.staff.roadsHead.id
		});
		expect(assigned).toEqual({ ok: true, value: { done: 2, refused: [] } });
		const moved = await bulkUpdateReports(setup.staff.roads, [one.id, two.id], {
			kind: 'state',
			state: 'in_progress',
			text: 'Programat pentru săptămâna viitoare.'
		});
		expect(moved.ok && moved.value.done).toBe(2);
		expect((await reportRow(two.id)).state).toBe('in_progress');
		const light = await insertReport(setup, { categoryId: setup.categories.streetlight.id });
		await expect(
			bulkUpdateReports(setup.staff.roads, [one.id, light.id], { kind: 'assign', assigneeId: null })
		).rejects.toThrow(ForbiddenError);
		expect((await reportRow(one.id)).assigneeId).toBe(setup.staff.roadsHead.id);
	});
});

describe('inbox', () => {
	it('shows staff their own departments, the overdue count without anonymous notices, and internal notes', async () => {
		const { setup, citizen, admin } = await world();
		const old = new Date(Date.now() - 40 * 86_400_000);
		const overdue = await insertReport(setup, { authorId: citizen.id, createdAt: old, title: 'Groapă veche' });
		await insertReport(setup, { createdAt: old, title: 'Notă anonimă veche' });
		await insertReport(setup, { categoryId: setup.categories.streetlight.id, title: 'Bec ars' });
		const roads = await inbox(setup.staff.roads);
		expect(roads.reports.map((r) => r.title).sort()).toEqual(['Groapă veche', 'Notă anonimă veche']);
		expect(roads.overdue).toBe(1);
		expect(roads.reports.find((r) => r.id === overdue.id)?.daysLeft).toBeLessThan(0);
		const only = await inbox(setup.staff.roads, { overdue: true });
		expect(only.reports.map((r) => r.id)).toEqual([overdue.id]);
		expect((await inbox(admin)).total).toBe(3);
		expect((await inbox(setup.staff.roads, { q: String(overdue.number) })).reports).toHaveLength(1);
		await addInternalNote(setup.staff.roads, overdue.id, { note: 'Doar pentru noi.' });
		const view = await staffReport(setup.staff.roads, overdue.id);
		expect(view.timeline.map((t) => t.text)).toContain('Doar pentru noi.');
		await expect(staffReport(setup.staff.lighting, overdue.id)).rejects.toThrow(ForbiddenError);
		await expect(inbox(citizen)).rejects.toThrow(ForbiddenError);
	});
});

describe('reminders', () => {
	it('reminds the assignee and the head once when due soon and once when overdue; never for notices', async () => {
		const { setup, citizen } = await world();
		const db = await getDb();
		// Registered 28 days ago: the 30-day answer date is near (within the default 5 days).
		const created = new Date(Date.now() - 28 * 86_400_000);
		const report = await insertReport(setup, { authorId: citizen.id, createdAt: created });
		await assignReport(setup.staff.roadsHead, report.id, setup.staff.roads.id);
		await insertReport(setup, { createdAt: new Date(Date.now() - 60 * 86_400_000) });
		const first = await sendReportReminders(db);
		expect(first).toEqual({ dueSoon: 1, overdue: 0 });
		expect(await sendReportReminders(db)).toEqual({ dueSoon: 0, overdue: 0 });
		const keys = async (id: string) =>
			(await notificationsOf(id)).map((n) => n.key).filter((k) => k.includes('due') || k.includes('overdue'));
		expect(await keys(setup.staff.roads.id)).toEqual(['reports_staff_notification_due_soon']);
		expect(await keys(setup.staff.roadsHead.id)).toEqual(['reports_staff_notification_due_soon']);
		// Past the date: one overdue reminder, then none.
		const later = new Date(Date.parse(`${reportDeadlines(created).answer.due}T12:00:00Z`) + 2 * 86_400_000);
		expect(await sendReportReminders(db, later)).toEqual({ dueSoon: 0, overdue: 1 });
		expect(await sendReportReminders(db, later)).toEqual({ dueSoon: 0, overdue: 0 });
		expect(await keys(setup.staff.roadsHead.id)).toHaveLength(2);
	});
});

describe('category tree and department heads', () => {
	const form = (fields: Record<string, string>) => {
		const data = new FormData();
		for (const [k, v] of Object.entries(fields)) data.set(k, v);
		return readCategoryForm(data);
	};

	it('creates a leaf with questions, refuses bad codes, cycles and renaming a used code', async () => {
		const { setup, admin } = await world();
		const created = await saveCategory(
			admin,
			setup.moduleId,
			null,
			form({
				kind: 'leaf',
				parentId: setup.categories.roadsGroup.id,
				code: 'sidewalk',
				name_ro: 'Trotuar degradat',
				departmentId: setup.departments.roads.id,
				active: 'on',
				q0_code: 'width',
				q0_datatype: 'singlevaluelist',
				q0_required: 'on',
				q0_label_ro: 'Cât de lat?',
				q0_values: 'small | Mic | Small\nlarge | Mare'
			})
		);
		expect(created.ok).toBe(true);
		const db = await getDb();
		const [row] = await db.select().from(reportsCategories).where(eq(reportsCategories.code, 'sidewalk'));
		expect(row.questions).toEqual([
			{
				code: 'width',
				datatype: 'singlevaluelist',
				required: true,
				label: { ro: 'Cât de lat?' },
				values: [
					{ key: 'small', name: { ro: 'Mic', en: 'Small' } },
					{ key: 'large', name: { ro: 'Mare' } }
				]
			}
		]);
		expect(
			await saveCategory(
				admin,
				setup.moduleId,
				null,
				form({ kind: 'leaf', code: 'pothole', name_ro: 'X', departmentId: setup.departments.roads.id })
			)
		).toEqual({ ok: false, errors: { code: 'reports_staff_error_code_taken' } });
		const bad = await saveCategory(
			admin,
			setup.moduleId,
			null,
			form({ kind: 'leaf', code: 'x y', name_ro: 'X', q0_code: 'a', q0_datatype: 'singlevaluelist', q0_label_ro: 'Q' })
		);
		expect(bad.ok === false && bad.errors).toMatchObject({
			code: 'reports_staff_error_code',
			departmentId: 'reports_staff_error_department',
			q0_values: 'reports_staff_error_question_values'
		});
		// A group cannot move under itself.
		const group = setup.categories.roadsGroup;
		const cycle = await saveCategory(
			admin,
			setup.moduleId,
			group.id,
			form({ kind: 'group', code: 'roads', name_ro: 'Drumuri', parentId: group.id })
		);
		expect(cycle.ok === false && cycle.errors.parentId).toBe('reports_staff_error_parent');
		await insertReport(setup);
		const renamed = await saveCategory(
			admin,
			setup.moduleId,
			setup.categories.pothole.id,
			form({ kind: 'leaf', code: 'potholes', name_ro: 'Gropi', departmentId: setup.departments.roads.id })
		);
		expect(renamed.ok === false && renamed.errors.code).toBe('reports_staff_error_code_used');
		// Deactivating keeps the row (and its reports).
		const off = await saveCategory(
			admin,
			setup.moduleId,
			setup.categories.pothole.id,
			form({ kind: 'leaf', code: 'pothole', name_ro: 'Gropi', departmentId: setup.departments.roads.id })
		);
		expect(off.ok).toBe(true);
		const [pothole] = await db
			.select()
			.from(reportsCategories)
			.where(eq(reportsCategories.id, setup.categories.pothole.id));
		expect(pothole.active).toBe(false);
		await expect(saveCategory(setup.staff.roads, setup.moduleId, null, form({ code: 'x' }))).rejects.toThrow(
			ForbiddenError
		);
	});

	it('marks a department head', async () => {
		const { setup, admin } = await world();
		expect((await setDepartmentHead(admin, setup.departments.roads.id, setup.staff.roads.id, true)).ok).toBe(true);
		const [member] = await (
			await getDb()
		)
			.select()
			.from(departmentMembers)
			.where(eq(departmentMembers.userId, setup.staff.roads.id));
		expect(member.head).toBe(true);
		expect((await setDepartmentHead(admin, setup.departments.lighting.id, setup.staff.roads.id, true)).ok).toBe(false);
		await expect(
			setDepartmentHead(setup.staff.roads, setup.departments.roads.id, setup.staff.roads.id, false)
		).rejects.toThrow(ForbiddenError);
	});
});

void database;
