/**
 * Implementation tracking: staff set a funded project's state and add timeline entries (photos cleaned, followers
 * notified in their language); only funded projects are tracked; progress stays within 0–100; the chain walks links.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertReport, reportsSetup } from '../reports/test-support.ts';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { auditLog, departments, follows, notifications, outbox, user } from '../../platform/db/schema.ts';
import { openFile } from '../../platform/files/read-file.ts';
import { localStorage, useStorage } from '../../platform/files/storage.ts';
import { linkResources } from '../../platform/links/index.ts';
import { anonymous } from '../../platform/actors/actor.ts';
import * as api from './index.ts';
import { entryInput, fundedEdition, photoWithExif } from './implementation-test-support.ts';
import { PROJECT_RESOURCE } from './queries.ts';
import { budgetsProgress, budgetsProjects, budgetsResults } from './schema.ts';

const database = useTestDatabase();
let dir = '';
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'vocea-impl-'));
	useStorage(localStorage(dir));
});
afterAll(() => {
	useStorage(undefined);
	rmSync(dir, { recursive: true, force: true });
});

const ids = (e: { moduleId: string }, projectId: string) => ({ moduleId: e.moduleId, projectId });

async function follower(locale: string, projectId: string) {
	const p = await person([], { verifications: ['email'] });
	const { db } = database();
	await db.update(user).set({ locale, emailMode: 'instant' }).where(eq(user.id, p.id));
	await db.insert(follows).values({ userId: p.id, resourceType: PROJECT_RESOURCE, resourceId: projectId });
	return p;
}

describe('a timeline entry', () => {
	it('updates the project, is audited, and notifies each follower in their language (not the author)', async () => {
		const { db } = database();
		const admin = await person(['admin']);
		const e = await fundedEdition(admin);
		const project = e.funded[0];
		const ro = await follower('ro', project.id);
		const hu = await follower('hu', project.id);
		await db.insert(follows).values({ userId: admin.id, resourceType: PROJECT_RESOURCE, resourceId: project.id });

		const r = await api.addProgressEntry(admin, ids(e, project.id), entryInput());
		expect(r.ok).toBe(true);

		const [p] = await db.select().from(budgetsProjects).where(eq(budgetsProjects.id, project.id));
		expect([p.implementationStatus, p.progress, p.spent]).toEqual(['works', 40, 120_000]);
		const entries = await db.select().from(budgetsProgress).where(eq(budgetsProgress.projectId, project.id));
		expect(entries).toHaveLength(1);
		expect(entries[0].text).toEqual({
			ro: 'Au început lucrările la aleea principală.',
			en: 'Works on the main path have started.'
		});
		const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'budgets.implementation.progress'));
		expect(audit).toHaveLength(1);

		const notes = await db
			.select()
			.from(notifications)
			.where(eq(notifications.key, 'budgets_impl_notification_progress'));
		expect(notes.map((n) => n.userId).sort()).toEqual([ro.id, hu.id].sort());
		expect(notes[0].link).toBe(`/processes/${e.slug}/budgets/${e.moduleId}/implementation/${project.id}`);
		const mails = await db.select().from(outbox);
		const toHu = mails.find((m) => m.to === hu.email)!;
		const toRo = mails.find((m) => m.to === ro.email)!;
		expect(toRo.subject + toRo.text).toContain('Lucrări în curs');
		expect(toHu.subject + toHu.text).toContain('Kivitelezés folyamatban');
		expect(mails.some((m) => m.to === admin.email)).toBe(false);
	});

	it('is added once when the same form is submitted twice at the same time (one entry, one notification each)', async () => {
		const { db } = database();
		const admin = await person(['admin']);
		const e = await fundedEdition(admin);
		const project = e.funded[0];
		const watcher = await follower('ro', project.id);
		const input = entryInput({ submissionKey: 'form-1' });
		const [a, b] = await Promise.all([
			api.addProgressEntry(admin, ids(e, project.id), input),
			api.addProgressEntry(admin, ids(e, project.id), input)
		]);
		expect(a.ok && b.ok).toBe(true);
		if (a.ok && b.ok) expect(a.value.id).toBe(b.value.id);
		expect(await db.select().from(budgetsProgress).where(eq(budgetsProgress.projectId, project.id))).toHaveLength(1);
		expect(await db.select().from(notifications).where(eq(notifications.userId, watcher.id))).toHaveLength(1);
		// A new form (a new key) is a new entry.
		expect((await api.addProgressEntry(admin, ids(e, project.id), entryInput({ submissionKey: 'form-2' }))).ok).toBe(
			true
		);
		expect(await db.select().from(budgetsProgress).where(eq(budgetsProgress.projectId, project.id))).toHaveLength(2);
	});

	it('keeps photos only after cleaning them (no EXIF, no GPS), and they are public with the edition', async () => {
		const { db } = database();
		const admin = await person(['admin']);
		const e = await fundedEdition(admin);
		const project = e.funded[0];
		const photo = await photoWithExif();
		expect(Buffer.from(await photo.arrayBuffer()).includes(Buffer.from('PhoneCam'))).toBe(true);

		const r = await api.addProgressEntry(admin, ids(e, project.id), entryInput(), [photo]);
		expect(r.ok).toBe(true);
		const [entry] = await db.select().from(budgetsProgress).where(eq(budgetsProgress.projectId, project.id));
		expect(entry.photoFileIds).toHaveLength(1);
		const opened = (await openFile(entry.photoFileIds[0], anonymous()))!;
		expect(opened).toBeTruthy();
		const stored = Buffer.from(await new Response(opened.body).arrayBuffer());
		expect((await sharp(stored).metadata()).exif).toBeUndefined();
		expect(stored.includes(Buffer.from('PhoneCam'))).toBe(false);
		expect(stored.includes(Buffer.from('GPS'))).toBe(false);
	});

	it('refuses a non-image "photo" and then writes nothing', async () => {
		const { db } = database();
		const admin = await person(['admin']);
		const e = await fundedEdition(admin);
		const fake = new File(['not an image'], 'poza.jpg', { type: 'image/jpeg' });
		const r = await api.addProgressEntry(admin, ids(e, e.funded[0].id), entryInput(), [await photoWithExif(), fake]);
		expect(r.ok).toBe(false);
		expect(await db.select().from(budgetsProgress)).toHaveLength(0);
	});

	it.each([
		['-1', false],
		['101', false],
		['40.5', false],
		['abc', false],
		['', false],
		['0', true],
		['100', true]
	])('progress %s is accepted: %s', async (progress, accepted) => {
		const admin = await person(['admin']);
		const e = await fundedEdition(admin);
		const r = await api.addProgressEntry(admin, ids(e, e.funded[0].id), entryInput({ progress }));
		expect(r.ok).toBe(accepted);
		if (!r.ok) expect(r.errors.progress).toBe('budgets_impl_error_progress');
		const r2 = await api.updateImplementation(admin, ids(e, e.funded[0].id), {
			status: 'design',
			progress,
			spent: '',
			departmentId: '',
			reason: ''
		});
		expect(r2.ok).toBe(accepted);
	});

	it('needs a Romanian text and a known status', async () => {
		const admin = await person(['admin']);
		const e = await fundedEdition(admin);
		const r = await api.addProgressEntry(
			admin,
			ids(e, e.funded[0].id),
			entryInput({ status: 'demolished', text: { ro: ' ' } })
		);
		expect(r).toEqual({
			ok: false,
			errors: { status: 'budgets_impl_error_status', text_ro: 'validation_required' }
		});
	});
});

describe('only funded projects are tracked', () => {
	it('refuses entries and state changes on a project that was not funded (or before results)', async () => {
		const { db } = database();
		const admin = await person(['admin']);
		const e = await fundedEdition(admin, { funded: 1 });
		const unfunded = e.unfunded[0];
		await db.update(budgetsProjects).set({ funded: null }).where(eq(budgetsProjects.id, e.unfunded[1].id));
		for (const p of [unfunded, e.unfunded[1]]) {
			expect(await api.addProgressEntry(admin, ids(e, p.id), entryInput())).toEqual({
				ok: false,
				errors: { status: 'budgets_impl_error_not_funded' }
			});
			expect(
				(
					await api.updateImplementation(admin, ids(e, p.id), {
						status: 'works',
						progress: '10',
						spent: '',
						departmentId: '',
						reason: ''
					})
				).ok
			).toBe(false);
		}
		expect(await db.select().from(budgetsProgress)).toHaveLength(0);
		const list = await api.viewImplementationList(anonymous(), { spaceSlug: e.slug, moduleId: e.moduleId });
		expect(list.projects.map((p) => p.id)).toEqual([e.funded[0].id]);
		// Without a results date, a funded project's own steps still read idea → funded (never the other way round).
		expect((await api.projectChain(db, e.funded[0].id)).map((s) => s.labelKey)).toEqual([
			'budgets_impl_chain_idea',
			'budgets_impl_chain_funded'
		]);
	});
});

describe('the project state', () => {
	it('sets department, status, progress and money; a cancellation needs a reason that goes on the timeline', async () => {
		const { db } = database();
		const admin = await person(['admin']);
		const e = await fundedEdition(admin);
		const project = e.funded[0];
		const watcher = await follower('en', project.id);
		const [dept] = await db.select().from(departments).limit(1);
		const deptId =
			dept?.id ??
			(
				await db
					.insert(departments)
					.values({ slug: 'dir-test', name: { ro: 'Direcția Test' } })
					.returning()
			)[0].id;
		const ok = await api.updateImplementation(admin, ids(e, project.id), {
			status: 'procurement',
			progress: '15',
			spent: '5 000',
			departmentId: deptId,
			reason: ''
		});
		expect(ok.ok).toBe(true);
		let [p] = await db.select().from(budgetsProjects).where(eq(budgetsProjects.id, project.id));
		expect([p.implementationStatus, p.progress, p.spent, p.departmentId]).toEqual(['procurement', 15, 5000, deptId]);
		// A plain state change writes no timeline entry and notifies nobody.
		expect(await db.select().from(budgetsProgress)).toHaveLength(0);
		expect(await db.select().from(notifications)).toHaveLength(0);

		const noReason = await api.updateImplementation(admin, ids(e, project.id), {
			status: 'cancelled',
			progress: '15',
			spent: '5000',
			departmentId: deptId,
			reason: ''
		});
		expect(noReason).toEqual({ ok: false, errors: { reason: 'budgets_impl_error_reason_required' } });
		const cancelled = await api.updateImplementation(admin, ids(e, project.id), {
			status: 'cancelled',
			progress: '15',
			spent: '5000',
			departmentId: deptId,
			reason: 'Terenul nu aparține municipiului.'
		});
		expect(cancelled.ok).toBe(true);
		[p] = await db.select().from(budgetsProjects).where(eq(budgetsProjects.id, project.id));
		expect(p.implementationStatus).toBe('cancelled');
		const [entry] = await db.select().from(budgetsProgress);
		expect([entry.status, entry.text.ro]).toEqual(['cancelled', 'Terenul nu aparține municipiului.']);
		const notes = await db.select().from(notifications);
		expect(notes.map((n) => n.userId)).toEqual([watcher.id]);
	});

	it('refuses an unknown department', async () => {
		const admin = await person(['admin']);
		const e = await fundedEdition(admin);
		const r = await api.updateImplementation(admin, ids(e, e.funded[0].id), {
			status: 'design',
			progress: '5',
			spent: '',
			departmentId: 'no-such-department',
			reason: ''
		});
		expect(r).toEqual({ ok: false, errors: { departmentId: 'budgets_impl_error_department' } });
	});
});

describe('the public pages and the chain', () => {
	it('show progress and the chain proposal → idea → funded → built, walking links both ways', async () => {
		const { db } = database();
		const admin = await person(['admin']);
		const e = await fundedEdition(admin);
		const project = e.funded[0];
		await db.insert(budgetsResults).values({
			zoneId: project.zoneId,
			moduleId: e.moduleId,
			rule: 'greedy',
			tieBreak: 'min-cost-max-votes',
			funded: [project.code],
			outcome: {},
			leftover: 0,
			ballotsFile: '',
			ballotsSha256: 'x',
			ballots: 0
		});
		// A proposal (found through the search index) promoted to this idea: the link points proposal → project.
		const { searchDocuments } = await import('../../platform/db/schema.ts');
		await db.insert(searchDocuments).values({
			resourceType: 'proposal',
			resourceId: 'prop-1',
			title: 'Alee nouă în parc',
			url: '/processes/x/proposals/m/prop-1'
		});
		await linkResources(
			db,
			{ resourceType: 'proposal', resourceId: 'prop-1' },
			{ resourceType: PROJECT_RESOURCE, resourceId: project.id },
			'promoted'
		);
		// A link to something that is not a chain step (a meeting) stays out of the chain.
		await linkResources(
			db,
			{ resourceType: 'meeting', resourceId: 'meet-1' },
			{ resourceType: PROJECT_RESOURCE, resourceId: project.id },
			'discussed_at'
		);
		await api.addProgressEntry(admin, ids(e, project.id), entryInput({ status: 'completed', progress: '100' }));

		const page = await api.viewProjectImplementation(anonymous(), {
			spaceSlug: e.slug,
			moduleId: e.moduleId,
			projectId: project.id
		});
		expect(page.implementation.progress).toBe(100);
		expect(page.implementation.timeline).toHaveLength(1);
		expect(page.chain.map((s) => s.labelKey)).toEqual([
			'budgets_impl_chain_proposal',
			'budgets_impl_chain_idea',
			'budgets_impl_chain_funded',
			'budgets_impl_chain_built'
		]);
		expect(page.chain[0].title).toBe('Alee nouă în parc');
		expect(page.chain[1].stateKey).toBe('budgets_impl_chain_state_on_ballot');
		expect(page.chain[2].stateKey).toBe('budgets_impl_status_completed');
		// Seen from the proposal's side, the same chain, starting from the problem report it came from (the reports
		// module describes its own step).
		const reportSetup = await reportsSetup(admin);
		const report = await insertReport(reportSetup, { title: 'Groapă pe alee' });
		await linkResources(
			db,
			{ resourceType: 'report', resourceId: report.id },
			{ resourceType: 'proposal', resourceId: 'prop-1' },
			'became'
		);
		const fromProposal = await api.projectChain(db, project.id);
		expect(fromProposal[0]).toMatchObject({ labelKey: 'reports_insights_chain_report', url: `/reports/${report.id}` });
		expect(fromProposal[0].title).toContain('Groapă pe alee');
		expect(fromProposal).toHaveLength(5);
	});
});
