/**
 * Permissions of the reports module: (1) every action × actor × setting, decided on the real module context;
 * (2) every staff service the admin routes import refuses a forbidden actor with ForbiddenError and writes nothing.
 * (Helpers adding public or API services: add their forbidden-actor cases in section 2.)
 */
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { resetDatabase, useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { auditLog, departmentMembers, notifications } from '../../platform/db/schema.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { readCategoryForm } from './category-form.ts';
import { canReports, reportsModule } from './context.ts';
import * as api from './index.ts';
import { reportsActions, type ReportsAction } from './permissions.ts';
import { reportsCategories, reportsReports, reportsUpdates } from './schema.ts';
import { insertReport, reportsSetup, staffOf, type ReportsSetupOptions } from './test-support.ts';

useTestDatabase({ resetBetweenTests: false });

type Who =
	| 'anonymous'
	| 'unverified'
	| 'citizen'
	| 'staff'
	| 'staffWithout2fa'
	| 'spaceAdmin'
	| 'moderator'
	| 'evaluator'
	| 'admin'
	| 'adminWithout2fa';
const everyone: Who[] = [
	'anonymous',
	'unverified',
	'citizen',
	'staff',
	'staffWithout2fa',
	'spaceAdmin',
	'moderator',
	'evaluator',
	'admin',
	'adminWithout2fa'
];
const verified: Who[] = everyone.filter((w) => w !== 'anonymous' && w !== 'unverified');
const staffAndAdmins: Who[] = ['staff', 'admin'];

async function actorsFor(spaceId: string, departmentId: string): Promise<Record<Who, Actor>> {
	const unverified = await person();
	const staff = await staffOf(departmentId);
	return {
		anonymous: anonymous(),
		unverified: { ...unverified, emailVerified: false },
		citizen: await person(),
		staff,
		staffWithout2fa: { ...staff, roles: [], pendingRoles: ['staff'] },
		spaceAdmin: await person([], { spaceRoles: { [spaceId]: ['admin'] } }),
		moderator: await person(['moderator']),
		evaluator: await person(['evaluator']),
		admin: await person(['admin']),
		adminWithout2fa: { ...(await person()), pendingRoles: ['admin'] }
	};
}

const base: Record<ReportsAction, Who[]> = {
	read: everyone,
	// Reporting needs no account: a report with contact details, or an anonymous notice.
	report: everyone,
	support: verified,
	subscribe: verified,
	handle: staffAndAdmins,
	moderate: ['staff', 'moderator', 'admin'],
	manage: ['admin']
};

const scenarios: { name: string; options: ReportsSetupOptions; expected: Record<ReportsAction, Who[]> }[] = [
	{ name: 'defaults', options: {}, expected: base },
	{
		name: 'reporting closed (staff still enter reports received by phone)',
		options: { phase: { reportingOpen: false } },
		expected: { ...base, report: staffAndAdmins }
	},
	{
		name: 'module unpublished',
		options: { publish: false },
		expected: { ...base, read: staffAndAdmins, report: staffAndAdmins, support: [], subscribe: [] }
	}
];

describe('action × actor × setting', () => {
	for (const scenario of scenarios) {
		it(scenario.name, async () => {
			await resetDatabase();
			const admin = await person(['admin']);
			const setup = await reportsSetup(admin, scenario.options);
			const { ctx } = await reportsModule(await getDb(), setup.moduleId);
			const actors = await actorsFor(setup.spaceId, setup.departments.roads.id);
			const table = Object.fromEntries(
				reportsActions.map((action) => [action, everyone.filter((who) => canReports(actors[who], action, ctx).allowed)])
			);
			expect(table).toEqual(scenario.expected);
		});
	}
});

describe('staff services refuse forbidden actors and write nothing', () => {
	let setup: Awaited<ReturnType<typeof reportsSetup>>;
	let citizen: Actor;
	let moderator: Actor;
	let reportId: string;
	let otherId: string;

	beforeAll(async () => {
		await resetDatabase();
		const admin = await person(['admin']);
		setup = await reportsSetup(admin);
		citizen = await person();
		moderator = await person(['moderator']);
		reportId = (await insertReport(setup, { authorId: (citizen as { id: string }).id })).id;
		otherId = (await insertReport(setup)).id;
	});

	const staffEntryForm = () => {
		const form = new FormData();
		form.set('category', setup.categories.pothole.id);
		form.set('answer_dangerous', 'yes');
		form.set('description', 'Groapă la telefon.');
		form.set('place_address', 'Strada Paris 4');
		form.set('contact_name', 'Ana Pop');
		form.set('contact_email', 'ana@example.ro');
		return form;
	};

	const writes = async () => {
		const db = await getDb();
		const [[reports], [updates], [audit], [told], [categories], [heads], [report]] = await Promise.all([
			db.select({ n: count() }).from(reportsReports),
			db.select({ n: count() }).from(reportsUpdates),
			db.select({ n: count() }).from(auditLog),
			db.select({ n: count() }).from(notifications),
			db.select({ n: count() }).from(reportsCategories),
			db.select({ n: count() }).from(departmentMembers).where(eq(departmentMembers.head, true)),
			db.select().from(reportsReports).where(eq(reportsReports.id, reportId))
		]);
		return {
			reports: reports.n,
			updates: updates.n,
			audit: audit.n,
			told: told.n,
			categories: categories.n,
			heads: heads.n,
			report: {
				state: report.state,
				assigneeId: report.assigneeId,
				hiddenAt: report.hiddenAt,
				dept: report.departmentId
			}
		};
	};
	const categoryForm = () => {
		const form = new FormData();
		form.set('code', 'new_leaf');
		form.set('name_ro', 'Categorie nouă');
		form.set('departmentId', setup.departments.roads.id);
		return readCategoryForm(form);
	};

	const cases: { name: string; who: () => Actor[]; run: (actor: Actor) => Promise<unknown> }[] = [
		{ name: 'inbox', who: () => [citizen, moderator, anonymous()], run: (a) => api.inbox(a) },
		{
			name: 'staffReport',
			who: () => [citizen, moderator, setup.staff.lighting],
			run: (a) => api.staffReport(a, reportId)
		},
		{
			name: 'updateReport',
			who: () => [citizen, moderator, setup.staff.lighting, anonymous()],
			run: (a) => api.updateReport(a, reportId, { state: 'confirmed', text: 'Confirmat.' })
		},
		{
			name: 'addInternalNote',
			who: () => [citizen, moderator, setup.staff.lighting],
			run: (a) => api.addInternalNote(a, reportId, { note: 'Notă.' })
		},
		{
			name: 'assignReport',
			who: () => [citizen, moderator, setup.staff.lighting],
			run: (a) => api.assignReport(a, reportId, setup.staff.roads.id)
		},
		{
			name: 'bulkUpdateReports',
			who: () => [citizen, moderator, setup.staff.lighting],
			run: (a) => api.bulkUpdateReports(a, [reportId, otherId], { kind: 'assign', assigneeId: setup.staff.roads.id })
		},
		{
			name: 'mergeReports',
			who: () => [citizen, moderator, setup.staff.lighting],
			run: (a) => api.mergeReports(a, reportId, otherId)
		},
		{
			name: 'rerouteReport',
			who: () => [citizen, moderator, setup.staff.lighting],
			run: (a) => api.rerouteReport(a, reportId, { categoryId: setup.categories.streetlight.id })
		},
		{
			name: 'forwardReport',
			who: () => [citizen, moderator, setup.staff.lighting],
			run: (a) => api.forwardReport(a, reportId, { body: 'Aquatim' })
		},
		{
			name: 'extendDeadline',
			who: () => [citizen, moderator, setup.staff.lighting],
			run: (a) => api.extendDeadline(a, reportId, { days: 10, reason: 'Expertiză tehnică.' })
		},
		{
			name: 'hideReport',
			who: () => [citizen, anonymous(), setup.staff.lighting],
			run: (a) => api.hideReport(a, reportId, { reason: 'Date personale.' })
		},
		{
			name: 'restoreReport',
			who: () => [citizen, anonymous(), setup.staff.lighting],
			run: (a) => api.restoreReport(a, reportId, { reason: 'Înapoi.' })
		},
		{ name: 'categoryTree', who: () => [citizen, setup.staff.roads, moderator], run: (a) => api.categoryTree(a) },
		{ name: 'categoryForEdit', who: () => [citizen, setup.staff.roads], run: (a) => api.categoryForEdit(a, null) },
		{
			name: 'saveCategory',
			who: () => [citizen, setup.staff.roads, moderator],
			run: (a) => api.saveCategory(a, setup.moduleId, null, categoryForm())
		},
		{ name: 'departmentHeads', who: () => [citizen, setup.staff.roads], run: (a) => api.departmentHeads(a) },
		{
			name: 'setDepartmentHead',
			who: () => [citizen, setup.staff.roadsHead, moderator],
			run: (a) => api.setDepartmentHead(a, setup.departments.roads.id, setup.staff.roads.id, true)
		},
		// Insights: promotion (admin route) and area subscriptions (public route).
		{
			name: 'viewPromotion',
			who: () => [citizen, moderator, setup.staff.lighting, anonymous()],
			run: (a) => api.viewPromotion(a, reportId)
		},
		{
			name: 'promoteReportToProposal',
			who: () => [citizen, moderator, setup.staff.lighting, anonymous()],
			run: (a) => api.promoteReportToProposal(a, reportId, { moduleId: setup.moduleId })
		},
		{
			name: 'promoteReportToIdea',
			who: () => [citizen, moderator, setup.staff.lighting, anonymous()],
			run: (a) => api.promoteReportToIdea(a, reportId, new FormData())
		},
		{
			name: 'subscribeArea',
			who: () => [anonymous()],
			run: (a) => api.subscribeArea(a, setup.moduleId, { place: { place_neighbourhood_id: setup.neighbourhood.id } })
		},
		{ name: 'unsubscribeArea', who: () => [anonymous()], run: (a) => api.unsubscribeArea(a, 'any') },
		// The staff form for a report received by phone, letter or at the counter: staff only.
		{
			name: 'viewReportForm for staff entry',
			who: () => [citizen, anonymous(), moderator],
			run: (a) => api.viewReportForm(a, { channel: 'staff' })
		},
		{
			name: 'submitReportForm for staff entry',
			who: () => [citizen, anonymous(), moderator],
			run: (a) => api.submitReportForm(a, staffEntryForm(), { locale: 'ro', confirmed: true, channel: 'staff' })
		},
		{
			name: 'createReport through the staff channel',
			who: () => [citizen, anonymous(), moderator],
			run: (a) =>
				api.createReport(a, setup.moduleId, {
					categoryId: setup.categories.pothole.id,
					description: 'Groapă.',
					place: { address: 'Strada Paris 4', neighbourhoodId: null, lat: null, lng: null },
					answers: { dangerous: 'yes' },
					showName: false,
					contact: { name: 'Ana Pop', email: 'ana@example.ro' },
					photos: [],
					channel: 'staff'
				})
		},
		// Citizens: "me too" needs an account; only the reporter may reopen their report.
		{ name: 'supportReport', who: () => [anonymous()], run: (a) => api.supportReport(a, setup.moduleId, otherId) },
		{
			name: 'reopenReport',
			who: () => [anonymous(), moderator, setup.staff.roads],
			run: (a) => api.reopenReport(a, setup.moduleId, reportId, { reason: 'Nu e reparată.' })
		},
		{
			name: 'reopenReport with a key that is not the report’s',
			who: () => [anonymous(), moderator],
			run: (a) => api.reopenReport(a, setup.moduleId, reportId, { reason: 'Nu e reparată.', key: 'forged' })
		}
	];

	for (const c of cases) {
		it(c.name, async () => {
			const before = await writes();
			for (const actor of c.who()) await expect(c.run(actor)).rejects.toThrow(ForbiddenError);
			expect(await writes()).toEqual(before);
		});
	}
});
