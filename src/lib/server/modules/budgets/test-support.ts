/**
 * Medium-test helpers of the budgets module: a published edition (a process with a budgets module whose current
 * phase is in a given stage), its pots over real platform zones, and projects already on the ballot.
 */
import { person, processWithThreePhases } from '../../../../../tests/support/spaces.ts';
import type { Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { neighbourhoods, zoneNeighbourhoods, zones } from '../../platform/db/schema.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { publishProcessAndModules } from '../../spaces-runtime/admin.ts';
import { budgets } from './manifest.ts';
import { budgetsProjects, budgetsZones } from './schema.ts';
import type { BudgetStage, BudgetsGlobalSettings, BudgetsPhaseSettings } from './settings.ts';

export interface EditionSetup {
	publish?: boolean;
	/** The stage of the current phase (default: voting). */
	stage?: BudgetStage;
	settings?: Partial<BudgetsGlobalSettings>;
	phase?: Partial<BudgetsPhaseSettings>;
	requiredVerifications?: Record<string, string>;
	/** Zone pots to create (default 2), each over one new neighbourhood, 500,000 lei each. */
	zones?: number;
	/** Also a city-wide pot (zoneId null) of this many lei. */
	cityWide?: number;
	/** Projects on the ballot (eligible and feasible) per pot (default 6), costs 60,000–160,000 lei. */
	projectsPerZone?: number;
}

export type Edition = Awaited<ReturnType<typeof budgetEdition>>;

/** A published edition whose current phase is in `setup.stage`, with pots and projects on the ballot. */
export async function budgetEdition(admin: Actor, setup: EditionSetup = {}) {
	const db = await getDb();
	const process = await processWithThreePhases(admin);
	const mounted = await mountModule(
		admin,
		{ spaceId: process.spaceId, manifest: budgets },
		{ title: { ro: 'Bugetare participativă' } }
	);
	if (!mounted.ok) throw new Error(JSON.stringify(mounted.errors));
	const moduleId = mounted.value.id;
	const configure = async (s: EditionSetup) => {
		const r = await configureModule(
			admin,
			{ spaceId: process.spaceId, moduleId, manifest: budgets },
			{
				title: { ro: 'Bugetare participativă' },
				published: s.publish !== false,
				settings: s.settings ?? {},
				phaseSettings: { [process.phaseIds[1]]: { stage: s.stage ?? 'voting', ...s.phase } },
				requiredVerifications: s.requiredVerifications ?? {}
			}
		);
		if (!r.ok) throw new Error(JSON.stringify(r.errors));
	};
	await configure(setup);
	if (setup.publish !== false) await publishProcessAndModules(admin, process.spaceId);

	const suffix = moduleId.slice(0, 6);
	const pots: (typeof budgetsZones.$inferSelect & { neighbourhoodId: string | null })[] = [];
	for (let i = 1; i <= (setup.zones ?? 2); i++) {
		const [hood] = await db
			.insert(neighbourhoods)
			.values({ slug: `cartier-${suffix}-${i}`, name: { ro: `Cartierul ${i}` } })
			.returning();
		const [zone] = await db
			.insert(zones)
			.values({ slug: `zona-${suffix}-${i}`, name: { ro: `Zona ${i}` } })
			.returning();
		await db.insert(zoneNeighbourhoods).values({ zoneId: zone.id, neighbourhoodId: hood.id });
		const [pot] = await db
			.insert(budgetsZones)
			.values({
				moduleId,
				zoneId: zone.id,
				code: `Z${i}`,
				name: { ro: `Zona ${i}` },
				budget: 500_000,
				maxProjectCost: 500_000,
				minEligibleProjects: 3,
				population: 30_000,
				position: i
			})
			.returning();
		pots.push({ ...pot, neighbourhoodId: hood.id });
	}
	if (setup.cityWide) {
		const [pot] = await db
			.insert(budgetsZones)
			.values({ moduleId, zoneId: null, code: 'ORAS', name: { ro: 'Tot orașul' }, budget: setup.cityWide, position: 0 })
			.returning();
		pots.unshift({ ...pot, neighbourhoodId: null });
	}
	const projects: (typeof budgetsProjects.$inferSelect)[] = [];
	for (const pot of pots) {
		for (let j = 1; j <= (setup.projectsPerZone ?? 6); j++) {
			const cost = 60_000 + ((j * 37_000) % 100_001);
			const [p] = await db
				.insert(budgetsProjects)
				.values({
					moduleId,
					zoneId: pot.id,
					code: `${pot.code}-${String(j).padStart(2, '0')}`,
					title: `Proiect ${pot.code}-${j}: bănci și copaci pe strada ${j}`,
					body: 'Bănci noi, copaci și iluminat pentru o stradă mai prietenoasă.',
					neighbourhoodId: pot.neighbourhoodId,
					estimatedCost: cost,
					cityCost: cost,
					eligibility: 'eligible',
					evaluation: 'feasible'
				})
				.returning();
			projects.push(p);
		}
	}
	return { ...process, moduleId, configure, pots, projects };
}

/** A citizen whose phone was confirmed by SMS code (Timișoara's proof of identity for voting). */
export const voter = (extra: Parameters<typeof person>[1] = {}) =>
	person([], { verifications: ['email', 'phone'], ...extra });
