/**
 * Permissions of implementation tracking (budgets module): (1) the `track` action (with `read`, which the public
 * pages need) × actor × stage, decided on a real edition; (2) every service the implementation routes import
 * refuses a forbidden actor with ForbiddenError and writes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { auditLog, files, notifications, outbox } from '../../platform/db/schema.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { unpublishProcess } from '../../platform/spaces/commands/unpublish-process.ts';
import { budgetsModule, canBudgets } from './context.ts';
import * as api from './index.ts';
import { entryInput, fundedEdition } from './implementation-test-support.ts';
import type { BudgetsAction } from './permissions.ts';
import { budgetsProgress, budgetsProjects } from './schema.ts';
import type { BudgetStage } from './settings.ts';
import { voter } from './test-support.ts';

const database = useTestDatabase({ resetBetweenTests: false });

type Who =
	| 'anonymous'
	| 'citizen'
	| 'author'
	| 'spaceAdmin'
	| 'cityStaff'
	| 'spaceEvaluator'
	| 'moderator'
	| 'admin'
	| 'adminWithout2fa'
	| 'staffWithout2fa';
const everyone: Who[] = [
	'anonymous',
	'citizen',
	'author',
	'spaceAdmin',
	'cityStaff',
	'spaceEvaluator',
	'moderator',
	'admin',
	'adminWithout2fa',
	'staffWithout2fa'
];
const actions: BudgetsAction[] = ['track', 'read'];

const actorsFor = async (spaceId: string, authorId: string): Promise<Record<Who, Actor>> => ({
	anonymous: anonymous(),
	citizen: await voter(),
	author: { ...(await voter()), id: authorId },
	spaceAdmin: await person([], { spaceRoles: { [spaceId]: ['admin'] }, verifications: ['email'] }),
	cityStaff: await person(['staff'], { verifications: ['email'] }),
	spaceEvaluator: await person([], { spaceRoles: { [spaceId]: ['evaluator'] }, verifications: ['email'] }),
	moderator: await person(['moderator'], { verifications: ['email'] }),
	admin: await person(['admin'], { verifications: ['email'] }),
	adminWithout2fa: { ...(await person([], { verifications: ['email'] })), pendingRoles: ['admin'] },
	staffWithout2fa: { ...(await person([], { verifications: ['email'] })), pendingRoles: ['staff'] }
});

// City staff hold the platform's processes right, so they also see editions that are not public yet.
const trackers: Who[] = ['spaceAdmin', 'cityStaff', 'admin'];
const scenarios: {
	name: string;
	stage: BudgetStage;
	publish?: boolean;
	draft?: boolean;
	expected: Record<string, Who[]>;
}[] = [
	{ name: 'implementation', stage: 'implementation', expected: { track: trackers, read: everyone } },
	{ name: 'results', stage: 'results', expected: { track: trackers, read: everyone } },
	{ name: 'voting (nothing funded yet)', stage: 'voting', expected: { track: trackers, read: everyone } },
	{
		name: 'module unpublished',
		stage: 'implementation',
		publish: false,
		expected: { track: trackers, read: trackers }
	},
	{ name: 'space back to draft', stage: 'implementation', draft: true, expected: { track: trackers, read: trackers } }
];

describe('the permission matrix of implementation tracking: action × actor × stage', () => {
	it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
		void database;
		const admin = await person(['admin']);
		const edition = await fundedEdition(admin, { stage: scenario.stage, publish: scenario.publish });
		if (scenario.draft) await unpublishProcess(admin, edition.spaceId);
		const { ctx } = await budgetsModule(await getDb(), edition.moduleId);
		const actors = await actorsFor(edition.spaceId, (await voter()).id);
		const table: Record<string, Who[]> = {};
		for (const action of actions)
			table[action] = everyone.filter((who) => canBudgets(actors[who], action, ctx).allowed);
		expect(table).toEqual(scenario.expected);
	});
});

describe('every service the implementation routes call refuses a forbidden actor and writes nothing', () => {
	let ids: { moduleId: string; spaceId: string; slug: string; projectId: string; authorId: string };
	let hidden: { moduleId: string; spaceId: string; slug: string; projectId: string };
	const tables = [budgetsProgress, budgetsProjects, auditLog, notifications, outbox, files];
	const counts = async () => {
		const db = await getDb();
		return Promise.all(tables.map(async (t) => (await db.select({ n: count() }).from(t))[0].n));
	};

	beforeAll(async () => {
		const admin = await person(['admin']);
		const edition = await fundedEdition(admin);
		const author = await voter();
		const db = await getDb();
		const { eq } = await import('drizzle-orm');
		await db.update(budgetsProjects).set({ authorId: author.id }).where(eq(budgetsProjects.id, edition.funded[0].id));
		ids = {
			moduleId: edition.moduleId,
			spaceId: edition.spaceId,
			slug: edition.slug,
			projectId: edition.funded[0].id,
			authorId: author.id
		};
		const unpublished = await fundedEdition(admin, { publish: false });
		hidden = {
			moduleId: unpublished.moduleId,
			spaceId: unpublished.spaceId,
			slug: unpublished.slug,
			projectId: unpublished.funded[0].id
		};
	});

	const state = { status: 'works' as const, progress: '50', spent: '1000', departmentId: '', reason: '' };
	const calls: Record<string, (actor: Actor) => Promise<unknown>> = {
		updateImplementation: (a) => api.updateImplementation(a, ids, state),
		addProgressEntry: (a) => api.addProgressEntry(a, ids, entryInput()),
		manageImplementation: (a) => api.manageImplementation(a, ids),
		manageProjectImplementation: (a) => api.manageProjectImplementation(a, ids),
		// Public pages: refused to visitors while the edition is not public.
		viewImplementationList: (a) => api.viewImplementationList(a, { spaceSlug: hidden.slug, moduleId: hidden.moduleId }),
		viewProjectImplementation: (a) => api.viewProjectImplementation(a, { spaceSlug: hidden.slug, ...hidden })
	};
	const publicPages = new Set(['viewImplementationList', 'viewProjectImplementation']);
	/** Pure helpers the routes import (no authorisation to test). */
	const helpers = new Set(['readImplementationForm', 'readProgressEntryForm']);

	it.each(Object.keys(calls))('%s', async (name) => {
		const actors = await actorsFor(ids.spaceId, ids.authorId);
		const forbidden: Who[] = publicPages.has(name)
			? ['anonymous', 'citizen', 'author', 'moderator', 'adminWithout2fa', 'staffWithout2fa']
			: ['anonymous', 'citizen', 'author', 'spaceEvaluator', 'moderator', 'adminWithout2fa', 'staffWithout2fa'];
		const before = await counts();
		for (const who of forbidden)
			await expect(calls[name](actors[who]), `${name} as ${who}`).rejects.toBeInstanceOf(ForbiddenError);
		expect(await counts()).toEqual(before);
	});

	it('city staff may track, and the public pages open once the edition is public', async () => {
		const cityStaff = await person(['staff']);
		expect((await api.addProgressEntry(cityStaff, ids, entryInput())).ok).toBe(true);
		const page = await api.viewProjectImplementation(anonymous(), { spaceSlug: ids.slug, ...ids });
		expect(page.implementation.timeline).toHaveLength(1);
	});

	it('covers every service the implementation routes import', () => {
		const root = process.cwd();
		const dirs = [
			'src/routes/admin/processes/[id]/budgets/[moduleId]/implementation',
			'src/routes/processes/[slug]/budgets/[moduleId]/implementation'
		];
		const filesIn = (d: string): string[] =>
			readdirSync(join(root, d), { withFileTypes: true }).flatMap((e) =>
				e.isDirectory() ? filesIn(join(d, e.name)) : /\.server\.ts$/.test(e.name) ? [join(root, d, e.name)] : []
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
		expect(names.length).toBeGreaterThanOrEqual(6);
		expect(names.filter((n) => !(n in calls) && !helpers.has(n))).toEqual([]);
	});
});
