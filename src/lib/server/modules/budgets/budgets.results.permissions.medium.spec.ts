/**
 * Permissions of results (budgets module): (1) the `compute_results` action (with `read`, which the public results
 * pages need) × actor × stage, decided on a real edition; (2) every service the results routes import refuses a
 * forbidden actor with ForbiddenError and writes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { auditLog } from '../../platform/db/schema.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { unpublishProcess } from '../../platform/spaces/commands/unpublish-process.ts';
import { budgetsModule, canBudgets } from './context.ts';
import * as api from './index.ts';
import type { BudgetsAction } from './permissions.ts';
import { fillBox } from './results-test-support.ts';
import { budgetsProjects, budgetsResults } from './schema.ts';
import type { BudgetStage } from './settings.ts';
import { budgetEdition, voter } from './test-support.ts';

const database = useTestDatabase({ resetBetweenTests: false });

type Who =
	'anonymous' | 'citizen' | 'spaceAdmin' | 'cityStaff' | 'spaceEvaluator' | 'moderator' | 'admin' | 'adminWithout2fa';
const everyone: Who[] = [
	'anonymous',
	'citizen',
	'spaceAdmin',
	'cityStaff',
	'spaceEvaluator',
	'moderator',
	'admin',
	'adminWithout2fa'
];
const actions: BudgetsAction[] = ['compute_results', 'read'];

const actorsFor = async (spaceId: string): Promise<Record<Who, Actor>> => ({
	anonymous: anonymous(),
	citizen: await voter(),
	spaceAdmin: await person([], { spaceRoles: { [spaceId]: ['admin'] }, verifications: ['email'] }),
	cityStaff: await person(['staff'], { verifications: ['email'] }),
	spaceEvaluator: await person([], { spaceRoles: { [spaceId]: ['evaluator'] }, verifications: ['email'] }),
	moderator: await person(['moderator'], { verifications: ['email'] }),
	admin: await person(['admin'], { verifications: ['email'] }),
	adminWithout2fa: { ...(await person([], { verifications: ['email'] })), pendingRoles: ['admin'] }
});

// City staff hold the platform's processes right (like the implementation spec shows), so they manage editions.
const staff: Who[] = ['spaceAdmin', 'cityStaff', 'admin'];
const scenarios: {
	name: string;
	stage: BudgetStage;
	publish?: boolean;
	draft?: boolean;
	expected: Record<string, Who[]>;
}[] = [
	{ name: 'results', stage: 'results', expected: { compute_results: staff, read: everyone } },
	{ name: 'implementation', stage: 'implementation', expected: { compute_results: staff, read: everyone } },
	{ name: 'voting (not over)', stage: 'voting', expected: { compute_results: [], read: everyone } },
	{ name: 'appeals', stage: 'appeals', expected: { compute_results: [], read: everyone } },
	{ name: 'ideas', stage: 'ideas', expected: { compute_results: [], read: everyone } },
	{
		name: 'module unpublished (results)',
		stage: 'results',
		publish: false,
		expected: { compute_results: staff, read: staff }
	},
	{ name: 'space back to draft', stage: 'results', draft: true, expected: { compute_results: staff, read: staff } }
];

describe('the permission matrix of results: action × actor × stage', () => {
	it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
		void database;
		const admin = await person(['admin']);
		const edition = await budgetEdition(admin, {
			stage: scenario.stage,
			publish: scenario.publish,
			projectsPerZone: 2
		});
		if (scenario.draft) await unpublishProcess(admin, edition.spaceId);
		const { ctx } = await budgetsModule(await getDb(), edition.moduleId);
		const actors = await actorsFor(edition.spaceId);
		const table: Record<string, Who[]> = {};
		for (const action of actions)
			table[action] = everyone.filter((who) => canBudgets(actors[who], action, ctx).allowed);
		expect(table).toEqual(scenario.expected);
	});

	it('says why staff cannot compute while voting is open', async () => {
		const admin = await person(['admin']);
		const edition = await budgetEdition(admin, { stage: 'voting', projectsPerZone: 1 });
		await expect(api.computeResults(admin, { moduleId: edition.moduleId })).rejects.toMatchObject({
			reason: 'budgets_results_voting_not_over'
		});
	});
});

describe('every service the results routes call refuses a forbidden actor and writes nothing', () => {
	let open: { moduleId: string; spaceId: string; slug: string; code: string };
	let hidden: { moduleId: string; spaceId: string; slug: string; code: string };
	const tables = [budgetsResults, budgetsProjects, auditLog];
	const counts = async () => {
		const db = await getDb();
		return Promise.all(tables.map(async (t) => (await db.select({ n: count() }).from(t))[0].n));
	};

	beforeAll(async () => {
		const admin = await person(['admin']);
		const make = async (publish: boolean) => {
			const e = await budgetEdition(admin, { stage: 'results', publish, projectsPerZone: 2 });
			const [box] = await fillBox(e.moduleId, [
				{ choices: [{ zoneId: e.pots[0].id, projectIds: [e.projects[0].id] }] }
			]);
			return { moduleId: e.moduleId, spaceId: e.spaceId, slug: e.slug, code: box.code };
		};
		open = await make(true);
		hidden = await make(false);
		// The hidden edition is counted by staff, so its files exist but must not be served to the public.
		expect((await api.computeResults(admin, { moduleId: hidden.moduleId })).ok).toBe(true);
	});

	const calls: Record<string, (actor: Actor) => Promise<unknown>> = {
		computeResults: (a) => api.computeResults(a, { moduleId: open.moduleId }),
		manageResults: (a) => api.manageResults(a, open),
		// Public pages: refused to visitors while the edition is not public.
		viewResults: (a) => api.viewResults(a, { spaceSlug: hidden.slug, moduleId: hidden.moduleId, locale: 'ro' }),
		publishedBallotsFile: (a) =>
			api.publishedBallotsFile(a, { spaceSlug: hidden.slug, moduleId: hidden.moduleId, potCode: 'Z1' }),
		checkReceipt: (a) => api.checkReceipt(a, { spaceSlug: hidden.slug, moduleId: hidden.moduleId, code: hidden.code })
	};
	const publicPages = new Set(['viewResults', 'publishedBallotsFile', 'checkReceipt']);

	it.each(Object.keys(calls))('%s', async (name) => {
		const actors = await actorsFor(publicPages.has(name) ? hidden.spaceId : open.spaceId);
		const forbidden: Who[] = publicPages.has(name)
			? ['anonymous', 'citizen', 'spaceEvaluator', 'moderator', 'adminWithout2fa']
			: ['anonymous', 'citizen', 'spaceEvaluator', 'moderator', 'adminWithout2fa'];
		const before = await counts();
		for (const who of forbidden)
			await expect(calls[name](actors[who]), `${name} as ${who}`).rejects.toBeInstanceOf(ForbiddenError);
		expect(await counts()).toEqual(before);
	});

	it('staff compute; the public pages, files and receipt check open once the edition is public', async () => {
		const admin = await person(['admin']);
		expect((await api.computeResults(admin, { moduleId: open.moduleId })).ok).toBe(true);
		const page = await api.viewResults(anonymous(), { spaceSlug: open.slug, moduleId: open.moduleId, locale: 'en' });
		expect(page.published).toBe(true);
		const file = await api.publishedBallotsFile(anonymous(), {
			spaceSlug: open.slug,
			moduleId: open.moduleId,
			potCode: 'Z1'
		});
		const check = await api.checkReceipt(anonymous(), {
			spaceSlug: open.slug,
			moduleId: open.moduleId,
			code: open.code
		});
		expect(check.found).toBe(true);
		if (check.found) expect(file.text).toContain(check.lines[0].text);
	});

	it('covers every service the results routes import', () => {
		const root = process.cwd();
		const dirs = [
			'src/routes/admin/processes/[id]/budgets/[moduleId]/results',
			'src/routes/processes/[slug]/budgets/[moduleId]/results',
			'src/routes/processes/[slug]/budgets/[moduleId]/ballots'
		];
		const filesIn = (d: string): string[] =>
			readdirSync(join(root, d), { withFileTypes: true }).flatMap((e) =>
				e.isDirectory()
					? filesIn(join(d, e.name))
					: /\.server\.ts$|\+server\.ts$/.test(e.name)
						? [join(root, d, e.name)]
						: []
			);
		const names = dirs
			.flatMap(filesIn)
			.flatMap((f) => [
				...readFileSync(f, 'utf8').matchAll(
					/import\s+\{([^}]*)\}\s+from\s+'#lib\/server\/modules\/budgets\/index\.ts'/g
				)
			])
			.flatMap((m) => m[1].split(',').map((s) => s.trim()))
			.filter(Boolean);
		expect(names.length).toBeGreaterThanOrEqual(5);
		expect(names.filter((n) => !(n in calls))).toEqual([]);
	});
});
