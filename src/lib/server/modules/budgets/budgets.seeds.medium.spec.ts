/**
 * The demo seed: a closed "Timișoara Decide! 2024" with ≥ 5,000 ballots on every channel and computed results, funded
 * projects in implementation, and an edition open for voting today.
 */
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { spaces, moduleInstances } from '../../platform/db/schema.ts';
import { seedReferenceData } from '../../seed/reference.ts';
import { budgetsModule } from './context.ts';
import { seedDemoBudgets } from './seeds.ts';
import {
	budgetsAppeals,
	budgetsBallots,
	budgetsProgress,
	budgetsProjects,
	budgetsResults,
	budgetsVoters,
	budgetsZones
} from './schema.ts';

const database = useTestDatabase();

const moduleOf = async (slug: string) => {
	const { db } = database();
	const [row] = await db
		.select({ id: moduleInstances.id })
		.from(moduleInstances)
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(and(eq(spaces.slug, slug), eq(moduleInstances.kind, 'budgets')));
	return row.id;
};

describe('the demo editions', () => {
	it('seed a closed 2024 edition with ≥ 5,000 ballots and computed results, and one open for voting', async () => {
		const { db } = database();
		await seedReferenceData(db);
		const now = new Date('2026-11-22T12:00:00Z');
		const summary = await seedDemoBudgets(db, { now });
		expect(summary.ballots).toBeGreaterThanOrEqual(5_000);

		const closed = await moduleOf('timisoara-decide-2024');
		const pots = await db.select().from(budgetsZones).where(eq(budgetsZones.moduleId, closed));
		expect(pots).toHaveLength(8);
		expect(pots.every((p) => p.budget === 500_000)).toBe(true);
		expect(pots.reduce((s, p) => s + (p.population ?? 0), 0)).toBe(250_000);

		const [{ n: ballots }] = await db
			.select({ n: count() })
			.from(budgetsBallots)
			.where(eq(budgetsBallots.moduleId, closed));
		expect(ballots).toBe(summary.ballots);
		const channels = await db
			.select({ channel: budgetsVoters.channel, n: count() })
			.from(budgetsVoters)
			.where(eq(budgetsVoters.moduleId, closed))
			.groupBy(budgetsVoters.channel);
		const by = Object.fromEntries(channels.map((c) => [c.channel, c.n]));
		expect(by.online).toBeGreaterThan(by.assisted + by.paper);
		expect(by.assisted).toBeGreaterThan(0);
		expect(by.paper).toBeGreaterThan(0);
		// Nobody has two ballots: one roll row per ballot (plus the rejected paper ballots, on the roll only).
		const [{ n: roll }] = await db.select({ n: count() }).from(budgetsVoters).where(eq(budgetsVoters.moduleId, closed));
		expect(roll).toBeGreaterThanOrEqual(ballots);

		const projects = await db.select().from(budgetsProjects).where(eq(budgetsProjects.moduleId, closed));
		const onBallot = projects.filter((p) => p.eligibility === 'eligible' && p.evaluation === 'feasible');
		expect(onBallot.length).toBeGreaterThanOrEqual(40);
		expect(projects.filter((p) => p.eligibility === 'ineligible' && p.eligibilityReason).length).toBeGreaterThan(0);
		expect(await db.select().from(budgetsAppeals).where(eq(budgetsAppeals.status, 'upheld'))).toHaveLength(1);

		const results = await db.select().from(budgetsResults).where(eq(budgetsResults.moduleId, closed));
		expect(results).toHaveLength(8);
		for (const r of results) expect(r.ballotsSha256).toMatch(/^[0-9a-f]{64}$/);
		const funded = projects.filter((p) => p.funded === true);
		expect(funded.length).toBeGreaterThanOrEqual(8);
		for (const pot of pots) {
			const spent = funded.filter((p) => p.zoneId === pot.id).reduce((s, p) => s + (p.cityCost ?? p.estimatedCost), 0);
			expect(spent).toBeGreaterThan(0);
		}
		const progress = await db
			.select()
			.from(budgetsProgress)
			.where(
				inArray(
					budgetsProgress.projectId,
					funded.map((p) => p.id)
				)
			);
		expect(progress.length).toBeGreaterThanOrEqual(5);
		expect(funded.some((p) => p.implementationStatus === 'completed' && p.progress === 100)).toBe(true);

		const open = await moduleOf('timisoara-decide-2026');
		const { ctx } = await budgetsModule(db, open, now);
		expect(ctx.phaseSettings.stage).toBe('voting');
		const [{ n: openProjects }] = await db
			.select({ n: count() })
			.from(budgetsProjects)
			.where(and(eq(budgetsProjects.moduleId, open), isNotNull(budgetsProjects.cityCost)));
		expect(openProjects).toBeGreaterThanOrEqual(16);
		const { ctx: closedCtx } = await budgetsModule(db, closed, now);
		expect(closedCtx.phaseSettings.stage).toBe('implementation');
	});
});

describe('casting first ballots in bulk (the demo seed’s path into the box)', () => {
	it('still gives one ballot per person: a person listed twice, or already on the roll, gets no second one', async () => {
		const { db } = database();
		const { person } = await import('../../../../../tests/support/spaces.ts');
		const { budgetEdition } = await import('./test-support.ts');
		const { castFirstBallotsInBulk, enterOnRoll } = await import('./ballot-box.ts');
		const admin = await person(['admin']);
		const e = await budgetEdition(admin, { zones: 1, projectsPerZone: 2 });
		const [a, b, c] = [await person(), await person(), await person()];
		const choices = [{ zoneId: e.pots[0].id, projectIds: [e.projects[0].id] }];
		await db.transaction((tx) => enterOnRoll(tx, { moduleId: e.moduleId, userId: c.id, channel: 'paper' }));
		const r = await db.transaction((tx) =>
			castFirstBallotsInBulk(tx, e.moduleId, [
				{ userId: a.id, channel: 'online', choices },
				{ userId: a.id, channel: 'paper', choices },
				{ userId: b.id, channel: 'paper', choices },
				{ userId: c.id, channel: 'online', choices }
			])
		);
		expect(r).toEqual({ cast: 2, alreadyOnRoll: [a.id, c.id] });
		const box = await db.select().from(budgetsBallots).where(eq(budgetsBallots.moduleId, e.moduleId));
		expect(box.map((x) => x.channel).sort()).toEqual(['online', 'paper']);
		expect(box.find((x) => x.channel === 'paper')!.changeKey).toBeNull();
		expect(box.find((x) => x.channel === 'online')!.changeKey).toMatch(/^[0-9a-f]{64}$/);
		const [{ n }] = await db.select({ n: count() }).from(budgetsVoters).where(eq(budgetsVoters.moduleId, e.moduleId));
		expect(n).toBe(3);
	});
});
