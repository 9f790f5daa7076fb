/**
 * Permissions of the desks (budgets module): (1) the `desk` and `manage` actions × actor × stage, decided on a real
 * edition; (2) every service the desk routes import refuses a forbidden actor with ForbiddenError and writes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { auditLog, outbox, verifications } from '../../platform/db/schema.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { budgetsModule, canBudgets } from './context.ts';
import * as api from './index.ts';
import type { BudgetsAction } from './permissions.ts';
import { budgetsBallots, budgetsDesks, budgetsPaperEntries, budgetsVoters } from './schema.ts';
import type { BudgetStage } from './settings.ts';
import { budgetEdition, voter } from './test-support.ts';

const database = useTestDatabase({ resetBetweenTests: false });

type Who =
	| 'anonymous'
	| 'citizen'
	| 'spaceAdmin'
	| 'cityStaff'
	| 'evaluator'
	| 'moderator'
	| 'admin'
	| 'adminWithout2fa'
	| 'staffWithout2fa';
const everyone: Who[] = [
	'anonymous',
	'citizen',
	'spaceAdmin',
	'cityStaff',
	'evaluator',
	'moderator',
	'admin',
	'adminWithout2fa',
	'staffWithout2fa'
];
const actions: BudgetsAction[] = ['desk', 'manage'];

const actorsFor = async (spaceId: string): Promise<Record<Who, Actor>> => ({
	anonymous: anonymous(),
	citizen: await voter(),
	spaceAdmin: await person([], { spaceRoles: { [spaceId]: ['admin'] }, verifications: ['email'] }),
	cityStaff: await person(['staff'], { verifications: ['email'] }),
	evaluator: await person(['evaluator'], { verifications: ['email'] }),
	moderator: await person(['moderator'], { verifications: ['email'] }),
	admin: await person(['admin'], { verifications: ['email'] }),
	adminWithout2fa: { ...(await person([], { verifications: ['email'] })), pendingRoles: ['admin'] },
	staffWithout2fa: { ...(await person([], { verifications: ['email'] })), pendingRoles: ['staff'] }
});

const staff: Who[] = ['spaceAdmin', 'cityStaff', 'admin'];
const scenarios: { name: string; stage: BudgetStage; publish?: boolean; expected: Record<string, Who[]> }[] = [
	{ name: 'voting open', stage: 'voting', expected: { desk: staff, manage: staff } },
	{ name: 'idea submission', stage: 'ideas', expected: { desk: [], manage: staff } },
	{ name: 'results', stage: 'results', expected: { desk: [], manage: staff } },
	{ name: 'voting, module unpublished', stage: 'voting', publish: false, expected: { desk: staff, manage: staff } }
];

describe('the permission matrix of the desks: action × actor × stage', () => {
	it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
		void database;
		const admin = await person(['admin']);
		const edition = await budgetEdition(admin, {
			stage: scenario.stage,
			publish: scenario.publish,
			zones: 1,
			projectsPerZone: 1
		});
		const { ctx } = await budgetsModule(await getDb(), edition.moduleId);
		const actors = await actorsFor(edition.spaceId);
		const table: Record<string, Who[]> = {};
		for (const action of actions)
			table[action] = everyone.filter((who) => canBudgets(actors[who], action, ctx).allowed);
		expect(table).toEqual(scenario.expected);
	});
});

describe('every service the desk routes call refuses a forbidden actor and writes nothing', () => {
	let ids: { moduleId: string; spaceId: string; deskId: string; userId: string; projectId: string };
	const tables = [budgetsDesks, budgetsVoters, budgetsBallots, budgetsPaperEntries, verifications, auditLog, outbox];
	const counts = async () => {
		const db = await getDb();
		return Promise.all(tables.map(async (t) => (await db.select({ n: count() }).from(t))[0].n));
	};

	beforeAll(async () => {
		const admin = await person(['admin']);
		const edition = await budgetEdition(admin, { stage: 'voting', zones: 1, projectsPerZone: 2 });
		const desk = await api.saveDesk(admin, { moduleId: edition.moduleId }, { name: 'Secția 1', address: '' });
		if (!desk.ok) throw new Error('desk');
		const citizen = await voter();
		await api.verifyAtDesk(
			admin,
			{ moduleId: edition.moduleId, deskId: desk.value.id, userId: citizen.id },
			{ documentType: 'passport', kinds: [] }
		);
		// A mismatch waiting for a supervisor, so the resolution is refused for permission, not for lack of work.
		const at = { moduleId: edition.moduleId, deskId: desk.value.id };
		const one = { chosen: [edition.projects[0].id], points: {}, ranks: {} };
		const two = { chosen: [edition.projects[1].id], points: {}, ranks: {} };
		await api.enterPaperBallot(admin, at, { serial: 'X-1', validity: 'valid', raw: one });
		await api.enterPaperBallot(await person(['staff']), at, { serial: 'X-1', validity: 'valid', raw: two });
		ids = {
			moduleId: edition.moduleId,
			spaceId: edition.spaceId,
			deskId: desk.value.id,
			userId: citizen.id,
			projectId: edition.projects[0].id
		};
	});

	const raw = () => ({ chosen: [ids.projectId], points: {}, ranks: {} });
	const where = () => ({ spaceId: ids.spaceId, moduleId: ids.moduleId });
	const at = () => ({ moduleId: ids.moduleId, deskId: ids.deskId });
	const calls: Record<string, (actor: Actor) => Promise<unknown>> = {
		manageDesks: (a) => api.manageDesks(a, where()),
		saveDesk: (a) => api.saveDesk(a, { moduleId: ids.moduleId }, { name: 'Secția 2', address: '' }),
		viewDesk: (a) => api.viewDesk(a, { ...where(), deskId: ids.deskId, userId: ids.userId }),
		verifyAtDesk: (a) =>
			api.verifyAtDesk(a, { ...at(), userId: ids.userId }, { documentType: 'identity_card', kinds: ['age'] }),
		recordPaperVoter: (a) => api.recordPaperVoter(a, { ...at(), userId: ids.userId }),
		deskBallot: (a) => api.deskBallot(a, { ...where(), deskId: ids.deskId, userId: ids.userId }),
		castAssistedBallot: (a) => api.castAssistedBallot(a, { ...at(), userId: ids.userId }, raw()),
		enterPaperBallot: (a) => api.enterPaperBallot(a, at(), { serial: 'X-2', validity: 'valid', raw: raw() }),
		viewPaperMismatches: (a) => api.viewPaperMismatches(a, where()),
		resolvePaperMismatch: (a) =>
			api.resolvePaperMismatch(a, { moduleId: ids.moduleId }, { serial: 'X-1', validity: 'valid', raw: raw() }),
		viewRejectedBallots: (a) => api.viewRejectedBallots(a, where()),
		viewReconciliation: (a) => api.viewReconciliation(a, where()),
		reconciliationCsv: (a) => api.reconciliationCsv(a, where())
	};
	/** Pure helpers the routes import (no authorisation to test). */
	const helpers = new Set([
		'readDeskForm',
		'readInPersonForm',
		'readPaperForm',
		'readRawChoices',
		'paperInvalidReasons'
	]);

	it.each(Object.keys(calls))('%s', async (name) => {
		const actors = await actorsFor(ids.spaceId);
		const forbidden = [
			actors.anonymous,
			actors.citizen,
			actors.evaluator,
			actors.moderator,
			actors.adminWithout2fa,
			actors.staffWithout2fa
		];
		const before = await counts();
		for (const actor of forbidden)
			await expect(calls[name](actor), `${name} as ${actor.kind}`).rejects.toBeInstanceOf(ForbiddenError);
		expect(await counts()).toEqual(before);
	});

	it('staff cannot work at a desk once voting has closed, and write nothing', async () => {
		const admin = await person(['admin']);
		const edition = await budgetEdition(admin, { stage: 'voting', zones: 1, projectsPerZone: 1 });
		const desk = await api.saveDesk(admin, { moduleId: edition.moduleId }, { name: 'Secția 3', address: '' });
		if (!desk.ok) throw new Error('desk');
		await edition.configure({ stage: 'results' });
		const deskStaff = await person(['staff']);
		const before = await counts();
		const citizen = await voter();
		const here = { moduleId: edition.moduleId, deskId: desk.value.id };
		await expect(api.recordPaperVoter(deskStaff, { ...here, userId: citizen.id })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(
			api.enterPaperBallot(deskStaff, here, { serial: 'Z-1', validity: 'invalid', invalidReason: 'blank', raw: raw() })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(api.castAssistedBallot(deskStaff, { ...here, userId: citizen.id }, raw())).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await counts()).toEqual(before);
		// The reports stay open to staff after voting.
		expect(
			(await api.viewReconciliation(deskStaff, { spaceId: edition.spaceId, moduleId: edition.moduleId })).desks
		).toHaveLength(1);
	});

	it('covers every service the desk routes import', () => {
		const root = process.cwd();
		const dir = 'src/routes/admin/processes/[id]/budgets/[moduleId]/desks';
		const files = (d: string): string[] =>
			readdirSync(join(root, d), { withFileTypes: true }).flatMap((e) =>
				e.isDirectory()
					? files(join(d, e.name))
					: /\.server\.ts$|\+server\.ts$/.test(e.name)
						? [join(root, d, e.name)]
						: []
			);
		const names = files(dir)
			.flatMap((f) => [
				...readFileSync(f, 'utf8').matchAll(
					/import\s+\{([^}]*)\}\s+from\s+'#lib\/server\/modules\/budgets\/index\.ts'/g
				)
			])
			.flatMap((m) => m[1].split(',').map((s) => s.trim()))
			.filter(Boolean);
		expect(names.length).toBeGreaterThan(10);
		expect(names.filter((n) => !(n in calls) && !helpers.has(n))).toEqual([]);
	});
});
