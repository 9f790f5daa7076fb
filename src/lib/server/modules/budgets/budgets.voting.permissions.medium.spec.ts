/**
 * Permissions of voting (budgets module): (1) the `vote` action × actor × stage, decided on a real edition, and what
 * eligibility adds on top (identity proof); (2) every service the vote routes import refuses a forbidden actor with
 * ForbiddenError and writes nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { outbox } from '../../platform/db/schema.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { budgetsModule, canBudgets } from './context.ts';
import * as api from './index.ts';
import { budgetsBallots, budgetsVoters } from './schema.ts';
import type { BudgetStage } from './settings.ts';
import { budgetEdition, voter } from './test-support.ts';

const database = useTestDatabase({ resetBetweenTests: false });

type Who =
	| 'anonymous'
	| 'citizenUnverified'
	| 'citizen'
	| 'spaceAdmin'
	| 'cityStaff'
	| 'moderator'
	| 'admin'
	| 'adminWithout2fa';
const everyone: Who[] = [
	'anonymous',
	'citizenUnverified',
	'citizen',
	'spaceAdmin',
	'cityStaff',
	'moderator',
	'admin',
	'adminWithout2fa'
];
const signedIn = everyone.filter((w) => w !== 'anonymous');

const actorsFor = async (spaceId: string): Promise<Record<Who, Actor>> => ({
	anonymous: anonymous(),
	citizenUnverified: await person([], { verifications: ['email'] }),
	citizen: await voter(),
	spaceAdmin: await person([], { spaceRoles: { [spaceId]: ['admin'] }, verifications: ['email'] }),
	cityStaff: await person(['staff'], { verifications: ['email'] }),
	moderator: await person(['moderator'], { verifications: ['email'] }),
	admin: await person(['admin'], { verifications: ['email'] }),
	adminWithout2fa: { ...(await person([], { verifications: ['email'] })), pendingRoles: ['admin'] }
});

/** `vote` is the phase's decision; eligibility (a phone confirmed by SMS by default) is checked by the commands. */
const scenarios: {
	name: string;
	stage: BudgetStage;
	publish?: boolean;
	vote: Who[];
	eligible: Who[];
}[] = [
	{ name: 'voting open', stage: 'voting', vote: signedIn, eligible: ['citizen'] },
	{ name: 'idea submission', stage: 'ideas', vote: [], eligible: ['citizen'] },
	{ name: 'appeals', stage: 'appeals', vote: [], eligible: ['citizen'] },
	{ name: 'results', stage: 'results', vote: [], eligible: ['citizen'] },
	{ name: 'voting, module unpublished', stage: 'voting', publish: false, vote: [], eligible: [] }
];

describe('the permission matrix of voting: action × actor × stage', () => {
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
		expect(everyone.filter((who) => canBudgets(actors[who], 'vote', ctx).allowed)).toEqual(scenario.vote);
		const eligible = await Promise.all(
			everyone.map(async (who) => {
				if (who === 'anonymous') return false;
				try {
					const view = await api.viewBallot(
						actors[who],
						{ spaceSlug: edition.slug, moduleId: edition.moduleId },
						{ zone: null, locale: 'ro' }
					);
					return view.eligibility.eligible;
				} catch (e) {
					if (e instanceof ForbiddenError) return false;
					throw e;
				}
			})
		);
		// Eligibility depends only on the person's proofs (staff roles give none); an unpublished edition is not shown.
		expect(everyone.filter((_, i) => eligible[i])).toEqual(scenario.eligible);
	});
});

describe('every service the vote routes call refuses a forbidden actor and writes nothing', () => {
	let ids: {
		moduleId: string;
		spaceSlug: string;
		projectId: string;
		zone: string;
		unpublished: string;
		hiddenSlug: string;
	};
	const tables = [budgetsVoters, budgetsBallots, outbox];
	const counts = async () => {
		const db = await getDb();
		return Promise.all(tables.map(async (t) => (await db.select({ n: count() }).from(t))[0].n));
	};

	beforeAll(async () => {
		const admin = await person(['admin']);
		const edition = await budgetEdition(admin, { stage: 'voting', zones: 1, projectsPerZone: 2 });
		const hidden = await budgetEdition(admin, { stage: 'voting', publish: false, zones: 1, projectsPerZone: 1 });
		ids = {
			moduleId: edition.moduleId,
			spaceSlug: edition.slug,
			projectId: edition.projects[0].id,
			zone: edition.pots[0].id,
			unpublished: hidden.moduleId,
			hiddenSlug: hidden.slug
		};
	});

	const input = () => ({
		zone: ids.zone,
		selection: [{ projectId: ids.projectId }],
		declareAge: true,
		declareResidence: true
	});
	const where = () => ({ spaceSlug: ids.spaceSlug, moduleId: ids.moduleId });
	const receipt = '0000-0000-0000-0000-0000-0000-0000';
	/** Each service with the actors it must refuse. */
	const calls: Record<string, { call: (a: Actor) => Promise<unknown>; refuse: Who[] }> = {
		castBallot: { call: (a) => api.castBallot(a, where(), input()), refuse: ['anonymous'] },
		changeBallot: { call: (a) => api.changeBallot(a, where(), input(), { receipt }), refuse: ['anonymous'] },
		reviewBallot: { call: (a) => api.reviewBallot(a, where(), input(), 'ro'), refuse: ['anonymous'] },
		receiptForChange: { call: (a) => api.receiptForChange(a, where(), receipt), refuse: ['anonymous'] },
		viewBallot: {
			call: (a) =>
				api.viewBallot(a, { spaceSlug: ids.hiddenSlug, moduleId: ids.unpublished }, { zone: null, locale: 'ro' }),
			refuse: ['anonymous', 'citizen', 'moderator', 'adminWithout2fa']
		},
		viewReceipt: {
			call: (a) => api.viewReceipt(a, { spaceSlug: ids.hiddenSlug, moduleId: ids.unpublished }, null, 'ro'),
			refuse: ['anonymous', 'citizen', 'moderator', 'adminWithout2fa']
		}
	};
	/** Pure helpers the routes import (no authorisation to test). */
	const helpers = new Set(['readBallotForm', 'changeCookie', 'receiptCookie', 'voteCookieOptions', 'readReceiptFlash']);

	it.each(Object.keys(calls))('%s', async (name) => {
		const actors = await actorsFor('none');
		const before = await counts();
		for (const who of calls[name].refuse)
			await expect(calls[name].call(actors[who]), `${name} as ${who}`).rejects.toBeInstanceOf(ForbiddenError);
		expect(await counts()).toEqual(before);
	});

	it('a citizen cannot cast once voting has closed, and nothing is written', async () => {
		const admin = await person(['admin']);
		const edition = await budgetEdition(admin, { stage: 'voting', zones: 1, projectsPerZone: 1 });
		await edition.configure({ stage: 'results' });
		const citizen = await voter();
		const before = await counts();
		const here = { spaceSlug: edition.slug, moduleId: edition.moduleId };
		const ballot = {
			zone: edition.pots[0].id,
			selection: [{ projectId: edition.projects[0].id }],
			declareAge: true,
			declareResidence: true
		};
		await expect(api.castBallot(citizen, here, ballot)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await counts()).toEqual(before);
	});

	it('a citizen without an accepted proof of identity is refused with the reason, and nothing is written', async () => {
		const citizen = await person([], { verifications: ['email'] });
		const before = await counts();
		const result = await api.castBallot(citizen, where(), input());
		expect(result).toEqual({ ok: false, errors: { _form: 'budgets_vote_need_phone' } });
		expect(await counts()).toEqual(before);
	});

	it('covers every service the vote routes import', () => {
		const root = process.cwd();
		const dir = 'src/routes/processes/[slug]/budgets/[moduleId]/vote';
		const files = (d: string): string[] =>
			readdirSync(join(root, d), { withFileTypes: true }).flatMap((e) =>
				e.isDirectory() ? files(join(d, e.name)) : /\.server\.ts$/.test(e.name) ? [join(root, d, e.name)] : []
			);
		const imported = new Set(
			files(dir).flatMap((f) =>
				[
					...readFileSync(f, 'utf8').matchAll(
						/import\s+\{([^}]*)\}\s+from\s+'#lib\/server\/modules\/budgets\/index\.ts'/g
					)
				]
					.flatMap((m) => m[1].split(','))
					.map((s) => s.trim())
					.filter(Boolean)
			)
		);
		expect(imported.size).toBeGreaterThan(3);
		for (const name of imported) expect(name in calls || helpers.has(name), name).toBe(true);
	});
});
