/**
 * For e2e stories only (called from `/test-hooks/budgets/ideas`, which answers only when test hooks are on): an
 * edition in its `ideas` stage with a zone pot and a city-wide pot, a citizen with a password, a confirmed e-mail
 * and a confirmed phone; and a way to move the edition to another stage (the phase calendar is not what the story
 * tests).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { system } from '../../platform/actors/actor.ts';
import { getAuth } from '../../platform/auth/auth.ts';
import { getDb } from '../../platform/db/index.ts';
import { account, phases, user, verifications, zones } from '../../platform/db/schema.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { budgetsModule } from './context.ts';
import { must, publishedEditionForTests } from './test-hook-edition.ts';
import { budgets } from './manifest.ts';
import { budgetsZones } from './schema.ts';
import { budgetStages, type BudgetStage } from './settings.ts';

export async function createIdeasEditionForTests() {
	const db = await getDb();
	const { tag, process, moduleId } = await publishedEditionForTests({
		label: 'idei',
		summary: 'Locuitorii propun proiecte pentru oraș.',
		phaseTitle: 'Idei',
		stage: 'ideas',
		from: -3,
		to: 20
	});
	const [zone] = await db
		.insert(zones)
		.values({ slug: `cetate-${tag}`, name: { ro: 'Zona Cetate' } })
		.returning();
	await db.insert(budgetsZones).values([
		{ moduleId, zoneId: null, code: 'ORAS', name: { ro: 'Tot orașul' }, budget: 2_000_000, position: 0 },
		{
			moduleId,
			zoneId: zone.id,
			code: 'Z1',
			name: { ro: 'Zona Cetate' },
			budget: 500_000,
			maxProjectCost: 300_000,
			minEligibleProjects: 3,
			position: 1
		}
	]);
	const ctx = await (await getAuth()).$context;
	const citizen = { id: randomUUID(), email: `idei.${tag}@example.ro`, password: `parola-idei-${tag}` };
	await db
		.insert(user)
		.values({ id: citizen.id, name: `Mihai Stan ${tag}`, email: citizen.email, emailVerified: true });
	await db.insert(account).values({
		id: randomUUID(),
		accountId: citizen.id,
		providerId: 'credential',
		userId: citizen.id,
		password: await ctx.password.hash(citizen.password)
	});
	await db.insert(verifications).values({ userId: citizen.id, kind: 'phone', method: 'sms', detail: `+4072${tag}` });
	return {
		spaceId: process.id,
		slug: process.slug,
		moduleId,
		citizen: { email: citizen.email, password: citizen.password }
	};
}

/** Sets the stage of the edition's current phase (keeping its other settings). */
export async function setStageForTests(moduleId: string, stage: BudgetStage) {
	if (!budgetStages.includes(stage)) throw new Error('unknown stage');
	const db = await getDb();
	const { instance } = await budgetsModule(db, moduleId);
	const phaseIds = (await db.select({ id: phases.id }).from(phases).where(eq(phases.spaceId, instance.spaceId))).map(
		(p) => p.id
	);
	must(
		await configureModule(
			system('e2e'),
			{ spaceId: instance.spaceId, moduleId, manifest: budgets },
			{
				title: instance.title,
				published: true,
				settings: instance.settings as Record<string, unknown>,
				phaseSettings: Object.fromEntries(phaseIds.map((id) => [id, { stage }])),
				requiredVerifications: instance.requiredVerifications as Record<string, string>
			}
		)
	);
	return { stage };
}
