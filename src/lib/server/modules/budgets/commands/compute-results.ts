/**
 * Staff count an edition once voting is over: per pot, the ballot box becomes a Pabulib file (published, with its
 * SHA-256 fixed here), the PB engine counts it with the declared rule and tie-break, the leftover rule is applied,
 * and projects get their votes and funded flag — all in one transaction. Idempotent: once an edition has results,
 * computing again returns them unchanged (the published files and digests never change).
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { config } from '../../../platform/config/env.ts';
import { getDb, type Tx } from '../../../platform/db/index.ts';
import { moduleInstances, phases, spaces } from '../../../platform/db/schema.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import { ballotsFileName, countPot, potBallotsFile, type PotBallot } from '../results-file.ts';
import { budgetsBallots, budgetsProjects, budgetsResults, budgetsZones } from '../schema.ts';
import type { BudgetsGlobalSettings } from '../settings.ts';

export type PotResult = typeof budgetsResults.$inferSelect;

export async function computeResults(actor: Actor, { moduleId }: { moduleId: string }): Promise<Result<PotResult[]>> {
	const db = await getDb();
	const { ctx, instance } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, 'compute_results', ctx));
	const computed = await db.transaction(async (tx) => {
		// The edition's row lock serialises concurrent computations: the second one finds the first one's results.
		await tx
			.select({ id: moduleInstances.id })
			.from(moduleInstances)
			.where(eq(moduleInstances.id, moduleId))
			.for('update');
		const existing = await resultsOf(tx, moduleId);
		if (existing.length) return { results: existing, fresh: false };
		const results = await countEdition(tx, moduleId, ctx.settings, instance.phaseSettings);
		await recordAction(tx, actor, {
			action: 'budgets.compute_results',
			resourceType: 'module',
			resourceId: moduleId,
			spaceId: instance.spaceId,
			data: { pots: results.map((r) => ({ zoneId: r.zoneId, funded: r.funded, sha256: r.ballotsSha256 })) }
		});
		return { results, fresh: true };
	});
	return ok(computed.results);
}

const resultsOf = (tx: Tx, moduleId: string) =>
	tx.select().from(budgetsResults).where(eq(budgetsResults.moduleId, moduleId));

async function countEdition(
	tx: Tx,
	moduleId: string,
	settings: BudgetsGlobalSettings,
	phaseSettings: Record<string, Record<string, unknown>>
): Promise<PotResult[]> {
	const [space] = await tx
		.select({ title: spaces.title, spaceId: spaces.id })
		.from(moduleInstances)
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(eq(moduleInstances.id, moduleId));
	const votingPhase = (await tx.select().from(phases).where(eq(phases.spaceId, space.spaceId))).find(
		(p) => phaseSettings[p.id]?.stage === 'voting'
	);
	const pots = await tx
		.select()
		.from(budgetsZones)
		.where(eq(budgetsZones.moduleId, moduleId))
		.orderBy(asc(budgetsZones.position), asc(budgetsZones.code));
	const onBallot = await tx
		.select()
		.from(budgetsProjects)
		.where(
			and(
				eq(budgetsProjects.moduleId, moduleId),
				eq(budgetsProjects.eligibility, 'eligible'),
				eq(budgetsProjects.evaluation, 'feasible'),
				isNull(budgetsProjects.withdrawnAt)
			)
		);
	const box = await tx
		.select({ publicId: budgetsBallots.publicId, choices: budgetsBallots.choices, channel: budgetsBallots.channel })
		.from(budgetsBallots)
		.where(eq(budgetsBallots.moduleId, moduleId));
	const out: PotResult[] = [];
	for (const pot of pots) {
		const projects = onBallot.filter((p) => p.zoneId === pot.id);
		const ballots: PotBallot[] = [];
		for (const b of box) {
			for (const choice of b.choices) {
				if (choice.zoneId !== pot.id) continue;
				ballots.push({
					publicId: b.publicId,
					projectIds: choice.projectIds,
					points: choice.points,
					channel: b.channel
				});
			}
		}
		const fileName = ballotsFileName(pot.code);
		const file = potBallotsFile({
			cityName: config.cityName(),
			edition: space.title.ro ?? '',
			editionId: moduleId,
			potCode: pot.code,
			potName: pot.name.ro ?? pot.code,
			budget: pot.budget,
			settings,
			projects: projects.map((p) => ({ id: p.id, code: p.code, title: p.title, cost: p.cityCost ?? p.estimatedCost })),
			ballots,
			dateBegin: votingPhase ? new Date(`${votingPhase.startsOn}T00:00:00Z`) : null,
			dateEnd: votingPhase ? new Date(`${votingPhase.endsOn}T00:00:00Z`) : null
		});
		const counted = countPot(file.text, settings, fileName);
		const row = {
			zoneId: pot.id,
			moduleId,
			rule: counted.outcome.rule,
			tieBreak: String(counted.outcome.params.tieBreak ?? settings.tieBreak),
			funded: counted.funded,
			outcome: {
				engine: counted.outcome as unknown as Record<string, unknown>,
				selected: counted.selected,
				ranking: counted.ranking,
				votes: counted.votes,
				topUp: counted.topUp,
				channels: file.channels,
				droppedChoices: file.dropped
			},
			leftover: counted.leftover,
			leftoverAction: counted.leftoverAction,
			ballotsFile: file.text,
			ballotsSha256: createHash('sha256').update(file.text, 'utf8').digest('hex'),
			ballots: file.ballots
		};
		const [saved] = await tx.insert(budgetsResults).values(row).returning();
		out.push(saved);
		for (const p of projects) {
			await tx
				.update(budgetsProjects)
				.set({ votes: counted.votes[p.code] ?? 0, funded: counted.funded.includes(p.code) })
				.where(eq(budgetsProjects.id, p.id));
		}
	}
	return out;
}
