/**
 * Insights of the reports module: public statistics, Atom feeds, area subscriptions (e-mail on each new report),
 * promotion into a proposal or a budget idea with the chain, open data without personal data, GDPR export and
 * anonymisation.
 */
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { visitor } from '../../../../../tests/support/accounts.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { outbox, resourceLinks, searchDocuments } from '../../platform/db/schema.ts';
import { ForbiddenError, NotFoundError } from '../../platform/result.ts';
import { budgetEdition } from '../budgets/test-support.ts';
import { proposalsModule } from '../proposals/test-support.ts';
import { proposalsProposals } from '../proposals/schema.ts';
import { budgetsProjects } from '../budgets/schema.ts';
import { reportChain } from './chain.ts';
import { createReport, type NewReport } from './commands/create-report.ts';
import { promoteReportToIdea } from './commands/promote-report-to-idea.ts';
import { promoteReportToProposal } from './commands/promote-report-to-proposal.ts';
import { subscribeArea } from './commands/subscribe-area.ts';
import { unsubscribeArea } from './commands/unsubscribe-area.ts';
import { reportsExport } from './exports.ts';
import { cityReportsFeed, subscriptionFeed } from './feeds.ts';
import { reports } from './manifest.ts';
import { reportsReports, reportsSubscriptions, reportsSupports, reportsUpdates } from './schema.ts';
import { reportsStats } from './stats.ts';
import { reportsStatsForApi } from './stats-api.ts';
import { insertReport, reportsSetup, type ReportsSetup } from './test-support.ts';

const database = useTestDatabase();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const admin = () => person(['admin']);
const citizen = () => person([], { verifications: ['email'] });

const newReport = (setup: ReportsSetup, over: Partial<NewReport> = {}): NewReport => ({
	categoryId: setup.categories.pothole.id,
	description: 'Groapă adâncă pe banda întâi.',
	place: { address: 'Strada Paris 4', neighbourhoodId: null, lat: 45.7537, lng: 21.2257 },
	answers: { dangerous: 'yes' },
	showName: false,
	contact: {},
	photos: [],
	channel: 'web',
	...over
});

const mailsTo = async (email: string) =>
	(await database().db.select().from(outbox).where(eq(outbox.to, email))).map((m) => m.subject + '\n' + m.text);

describe('statistics', () => {
	it('counts volume, medians and the overdue share per department and neighbourhood, leaving out hidden reports, duplicates and notices', async () => {
		const setup = await reportsSetup(await admin());
		const author = await citizen();
		const db = database().db;
		const now = new Date('2026-06-15T09:00:00Z');
		const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
		const roads = async (daysAgo: number, patch: Partial<typeof reportsReports.$inferInsert>, authorId = author.id) => {
			const r = await insertReport(setup, { authorId, createdAt: at(daysAgo) });
			await db.update(reportsReports).set(patch).where(eq(reportsReports.id, r.id));
			return r;
		};
		// Roads: answered after 2 and 4 days (median 3); fixed after 10 and 20 days (median 15).
		await roads(60, { state: 'fixed', firstAnsweredAt: at(58), fixedAt: at(50) });
		await roads(50, { state: 'fixed', firstAnsweredAt: at(46), fixedAt: at(30) });
		// Open for 40 days without an answer: overdue.
		await roads(40, { state: 'new' });
		// Answered 35 days after registration: late, counts as overdue.
		await roads(45, { state: 'confirmed', firstAnsweredAt: at(10) });
		// Hidden and duplicate reports are not counted at all.
		await roads(5, { hiddenAt: now });
		await roads(5, { state: 'duplicate' });
		// An anonymous notice in lighting, open for 60 days: counted, but never overdue.
		await insertReport(setup, { categoryId: setup.categories.streetlight.id, authorId: null, createdAt: at(60) });
		// A lighting report outside every neighbourhood.
		await insertReport(setup, {
			categoryId: setup.categories.streetlight.id,
			authorId: author.id,
			neighbourhoodId: null,
			createdAt: at(1)
		});

		const stats = await reportsStats(db, setup.moduleId, {}, now);
		expect(stats.totals).toMatchObject({ reports: 6, open: 4, fixed: 2, withDeadline: 5, overdue: 2 });
		const roadsRow = stats.departments.find((d) => d.id === setup.departments.roads.id)!;
		expect(roadsRow).toMatchObject({
			reports: 4,
			open: 2,
			fixed: 2,
			medianDaysToFix: 15,
			withDeadline: 4,
			overdue: 2,
			overdueShare: 0.5
		});
		// Answers after 2, 4 and 35 days: the median is 4.
		expect(roadsRow.medianDaysToFirstAnswer).toBe(4);
		const lighting = stats.departments.find((d) => d.id === setup.departments.lighting.id)!;
		expect(lighting).toMatchObject({ reports: 2, withDeadline: 1, overdue: 0, overdueShare: 0, medianDaysToFix: null });
		expect(stats.neighbourhoods).toHaveLength(1);
		expect(stats.neighbourhoods[0]).toMatchObject({ id: setup.neighbourhood.id, reports: 5 });

		const period = await reportsStats(db, setup.moduleId, { from: '2026-05-02', to: '2026-06-14' }, now);
		expect(period.totals.reports).toBe(2);
	});

	it('answers the API with localised names, validated against the schema', async () => {
		const setup = await reportsSetup(await admin());
		await insertReport(setup, { authorId: (await citizen()).id });
		const api = await reportsStatsForApi({ from: null, to: null }, 'en');
		expect(api.totals.reports).toBe(1);
		expect(api.departments[0].name).toBe('Direcția Drumuri');
		expect(JSON.stringify(api)).not.toContain('@');
	});
});

describe('area subscriptions', () => {
	it('e-mails a subscriber of the neighbourhood and one within the radius, not one far away nor the reporter', async () => {
		const setup = await reportsSetup(await admin());
		const [hood, near, far, reporter] = [await citizen(), await citizen(), await citizen(), await citizen()];
		const byHood = await subscribeArea(hood, setup.moduleId, {
			place: { place_neighbourhood_id: setup.neighbourhood.id }
		});
		expect(byHood.ok).toBe(true);
		// 500 m around a pin ~300 m from the report.
		expect(
			(
				await subscribeArea(near, setup.moduleId, {
					place: { place_lat: '45,7560', place_lng: '21.2280' },
					radiusMeters: 500
				})
			).ok
		).toBe(true);
		// 250 m around a pin ~1.5 km away.
		expect(
			(
				await subscribeArea(far, setup.moduleId, {
					place: { place_lat: '45.7650', place_lng: '21.2400' },
					radiusMeters: 250
				})
			).ok
		).toBe(true);
		await subscribeArea(reporter, setup.moduleId, { place: { place_neighbourhood_id: setup.neighbourhood.id } });

		const created = await createReport(reporter, setup.moduleId, newReport(setup));
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		for (const who of [hood, near]) {
			const mails = await mailsTo(who.email);
			expect(mails).toHaveLength(1);
			expect(mails[0]).toContain(created.value.registrationNumber);
			expect(mails[0]).toContain(`/reports/${created.value.id}`);
			expect(mails[0]).toContain('/reports/subscriptions');
		}
		expect(await mailsTo(far.email)).toEqual([]);
		expect((await mailsTo(reporter.email)).some((m) => m.includes('zona ta'))).toBe(false);
	});

	it('keeps one subscription when the same area is submitted twice at once', async () => {
		const setup = await reportsSetup(await admin());
		const me = await citizen();
		const input = { place: { place_neighbourhood_id: setup.neighbourhood.id } };
		const [a, b] = await Promise.all([
			subscribeArea(me, setup.moduleId, input),
			subscribeArea(me, setup.moduleId, input)
		]);
		expect(a.ok && b.ok).toBe(true);
		if (!a.ok || !b.ok) return;
		expect(a.value.id).toBe(b.value.id);
		expect([a.value.created, b.value.created].sort()).toEqual([false, true]);
		const [{ n }] = await database().db.select({ n: count() }).from(reportsSubscriptions);
		expect(n).toBe(1);
	});

	it('refuses visitors and an area without a neighbourhood or pin; only the owner ends a subscription', async () => {
		const setup = await reportsSetup(await admin());
		await expect(
			subscribeArea(visitor(), setup.moduleId, { place: { place_neighbourhood_id: setup.neighbourhood.id } })
		).rejects.toBeInstanceOf(ForbiddenError);
		const me = await citizen();
		expect(await subscribeArea(me, setup.moduleId, { place: { place_address: 'Strada Paris 4' } })).toEqual({
			ok: false,
			errors: { place_neighbourhood_id: 'reports_insights_subscribe_area_required' }
		});
		expect(
			await subscribeArea(me, setup.moduleId, { place: { place_lat: '45.75', place_lng: '21.22' }, radiusMeters: 7 })
		).toEqual({ ok: false, errors: { radius: 'reports_insights_subscribe_radius_invalid' } });
		const mine = await subscribeArea(me, setup.moduleId, { place: { place_neighbourhood_id: setup.neighbourhood.id } });
		if (!mine.ok) throw new Error('subscribe failed');
		await expect(unsubscribeArea(await citizen(), mine.value.id)).rejects.toBeInstanceOf(NotFoundError);
		await expect(unsubscribeArea(visitor(), mine.value.id)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await database().db.select().from(reportsSubscriptions)).toHaveLength(1);
		expect(await unsubscribeArea(me, mine.value.id)).toEqual({ ok: true, value: null });
		expect(await database().db.select().from(reportsSubscriptions)).toHaveLength(0);
	});
});

describe('feeds', () => {
	it('lists public reports of the city or one neighbourhood, never hidden ones, and a subscription’s area by token', async () => {
		const setup = await reportsSetup(await admin());
		const db = database().db;
		await insertReport(setup, { title: 'Groapă în centru' });
		await insertReport(setup, { title: 'Groapă departe', neighbourhoodId: null, lat: 45.7, lng: 21.3 });
		const hidden = await insertReport(setup, { title: 'Sesizare ascunsă' });
		await db.update(reportsReports).set({ hiddenAt: new Date() }).where(eq(reportsReports.id, hidden.id));

		const all = await cityReportsFeed('https://vocea.example', null);
		expect(all).toContain('Groapă în centru');
		expect(all).toContain('Groapă departe');
		expect(all).not.toContain('Sesizare ascunsă');
		const hood = await cityReportsFeed('https://vocea.example', setup.neighbourhood.slug);
		expect(hood).toContain('Groapă în centru');
		expect(hood).not.toContain('Groapă departe');
		await expect(cityReportsFeed('https://vocea.example', 'nowhere')).rejects.toBeInstanceOf(NotFoundError);

		const sub = await subscribeArea(await citizen(), setup.moduleId, {
			place: { place_lat: '45.7537', place_lng: '21.2257', place_address: 'Piața Victoriei' },
			radiusMeters: 250
		});
		if (!sub.ok) throw new Error('subscribe failed');
		const area = await subscriptionFeed('https://vocea.example', sub.value.token);
		expect(area).toContain('Groapă în centru');
		expect(area).not.toContain('Groapă departe');
		expect(area).toContain('250 m — Piața Victoriei');
		await expect(subscriptionFeed('https://vocea.example', 'not-a-token')).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('promotion', () => {
	it('turns a report into a proposal once (even twice at once), keeps the link and shows the chain', async () => {
		const a = await admin();
		const setup = await reportsSetup(a);
		const author = await citizen();
		const report = await insertReport(setup, { authorId: author.id, title: 'Trotuar surpat' });
		const target = await proposalsModule(a);
		const staff = setup.staff.roads;
		// Staff of the report's department who also manage the proposals space.
		const manager = { ...staff, spaceRoles: { [target.spaceId]: ['admin' as const] } };
		const [x, y] = await Promise.all([
			promoteReportToProposal(manager, report.id, { moduleId: target.moduleId }),
			promoteReportToProposal(manager, report.id, { moduleId: target.moduleId })
		]);
		if (!x.ok || !y.ok) throw new Error('promotion failed');
		expect(x.value.id).toBe(y.value.id);
		const db = database().db;
		const [proposal] = await db.select().from(proposalsProposals);
		expect(proposal).toMatchObject({ title: 'Trotuar surpat', authorId: author.id, moduleId: target.moduleId });
		expect(await db.select().from(proposalsProposals)).toHaveLength(1);
		expect(await db.select().from(resourceLinks)).toHaveLength(1);
		const updates = await db.select().from(reportsUpdates).where(eq(reportsUpdates.reportId, report.id));
		expect(updates.filter((u) => u.text === 'reports_insights_update_promoted_proposal')).toHaveLength(1);

		const chain = await reportChain(report.id);
		expect(chain.map((s) => s.resourceType)).toEqual(['report', 'proposal']);
		expect(chain[0]).toMatchObject({ current: true, labelKey: 'reports_insights_chain_report' });
	});

	it('turns a report into a budget idea in the pot of its place', async () => {
		const a = await admin();
		const setup = await reportsSetup(a);
		const report = await insertReport(setup, { authorId: (await citizen()).id, title: 'Parc fără iluminat' });
		const edition = await budgetEdition(a, { cityWide: 2_000_000 });
		const form = new FormData();
		form.set('promoteTo', edition.moduleId);
		form.set('estimatedCost', '120000');
		const result = await promoteReportToIdea(a, report.id, form);
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const [idea] = await database().db.select().from(budgetsProjects).where(eq(budgetsProjects.id, result.value.id));
		expect(idea).toMatchObject({ title: 'Parc fără iluminat', estimatedCost: 120000 });
		expect((await reportChain(report.id)).map((s) => s.resourceType)).toEqual(['report', 'budget_project']);
	});

	it('is refused to staff of another department and to citizens, writing nothing', async () => {
		const a = await admin();
		const setup = await reportsSetup(a);
		const report = await insertReport(setup);
		const target = await proposalsModule(a);
		for (const actor of [setup.staff.lighting, await citizen(), visitor()])
			await expect(promoteReportToProposal(actor, report.id, { moduleId: target.moduleId })).rejects.toBeInstanceOf(
				ForbiddenError
			);
		await expect(promoteReportToIdea(setup.staff.lighting, report.id, new FormData())).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await database().db.select().from(proposalsProposals)).toHaveLength(0);
		expect(await database().db.select().from(resourceLinks)).toHaveLength(0);
	});
});

describe('open data, search and personal data', () => {
	it('exports public reports without contact details or accounts, and indexes them', async () => {
		const setup = await reportsSetup(await admin());
		const author = await citizen();
		const db = database().db;
		const r = await insertReport(setup, { authorId: author.id });
		await db
			.update(reportsReports)
			.set({ contactName: 'Ion Secret', contactEmail: 'ion.secret@example.ro', contactPhone: '0722000000' })
			.where(eq(reportsReports.id, r.id));
		const hidden = await insertReport(setup);
		await db.update(reportsReports).set({ hiddenAt: new Date() }).where(eq(reportsReports.id, hidden.id));
		const rows = await reportsExport.rows(db, [setup.moduleId]);
		expect(rows).toHaveLength(1);
		expect(Object.keys(rows[0]).sort()).toEqual(reportsExport.columns.map((c) => c.name).sort());
		const text = JSON.stringify(rows);
		for (const secret of ['Ion Secret', 'ion.secret', '0722000000', author.id]) expect(text).not.toContain(secret);
		expect(rows[0].registration_number).toMatch(/^TM-\d{4}-\d{6}$/);

		const docs = await reports.search[0].documents(db, [setup.moduleId]);
		expect(docs.find((d) => d.resourceId === r.id)?.visibility).toBe('public');
		expect(docs.find((d) => d.resourceId === hidden.id)?.visibility).toBe('staff');
	});

	it('indexes a report created through the form for search', async () => {
		const setup = await reportsSetup(await admin());
		const created = await createReport(await citizen(), setup.moduleId, newReport(setup));
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		const [doc] = await database()
			.db.select()
			.from(searchDocuments)
			.where(eq(searchDocuments.resourceId, created.value.id));
		expect(doc).toMatchObject({ resourceType: 'report', visibility: 'public', url: `/reports/${created.value.id}` });
	});

	it('exports a person’s reports, supports and subscriptions, and anonymises them on deletion', async () => {
		const setup = await reportsSetup(await admin());
		const me = await citizen();
		const other = await citizen();
		const db = database().db;
		const mine = await insertReport(setup, { authorId: me.id, showName: true, title: 'Groapa mea' });
		const theirs = await insertReport(setup, { authorId: other.id });
		await db.insert(reportsSupports).values({ reportId: theirs.id, userId: me.id });
		await subscribeArea(me, setup.moduleId, { place: { place_neighbourhood_id: setup.neighbourhood.id } });

		const data = await reports.personalData.exportFor(db, me.id);
		expect(data.reports_reports).toHaveLength(1);
		expect(data.reports_reports[0]).toMatchObject({ title: 'Groapa mea', show_name: true });
		expect(data.reports_supports).toEqual([expect.objectContaining({ report_id: theirs.id })]);
		expect(data.reports_subscriptions).toHaveLength(1);

		await reports.personalData.anonymize(db, me.id);
		const [after] = await db.select().from(reportsReports).where(eq(reportsReports.id, mine.id));
		expect(after).toMatchObject({ authorId: null, showName: false, title: 'Groapa mea' });
		expect(await db.select().from(reportsSupports)).toEqual([]);
		expect(await db.select().from(reportsSubscriptions)).toEqual([]);
		const [untouched] = await db.select().from(reportsReports).where(eq(reportsReports.id, theirs.id));
		expect(untouched.authorId).toBe(other.id);
	});
});
