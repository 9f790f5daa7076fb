/**
 * For e2e stories only (called from `/test-hooks/budgets/implementation`, which answers only when test hooks are on):
 * an edition in its implementation stage with one funded project (placed on the map) and one not funded, and a
 * citizen with a password and a confirmed e-mail who will follow the funded project.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { system } from '../../platform/actors/actor.ts';
import { getAuth } from '../../platform/auth/auth.ts';
import { todayInBucharest } from '../../platform/calendar/index.ts';
import { getDb } from '../../platform/db/index.ts';
import { account, user } from '../../platform/db/schema.ts';
import { addPhase } from '../../platform/spaces/commands/add-phase.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { createProcess } from '../../platform/spaces/commands/create-process.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { publishProcessAndModules } from '../../spaces-runtime/admin.ts';
import { budgets } from './manifest.ts';
import { budgetsProjects, budgetsZones } from './schema.ts';

const must = <T>(r: { ok: true; value: T } | { ok: false; errors: unknown }): T => {
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
};

export async function createFundedEditionForTests() {
	const db = await getDb();
	const actor = system('e2e');
	const tag = randomBytes(3).toString('hex');
	const day = (d: number) => todayInBucharest(Date.now() + d * 86_400_000);
	const process = must(
		await createProcess(actor, {
			title: { ro: `Timișoara Decide! realizare ${tag}` },
			summary: { ro: 'Proiectele câștigătoare sunt realizate.' },
			description: { ro: 'Ediție de test pentru urmărirea realizării.' },
			organiser: { ro: 'Primăria Municipiului Timișoara' },
			decides: { ro: 'Locuitorii au votat.' },
			expectedResult: { ro: 'Proiecte realizate.' }
		})
	);
	const phaseId = must(
		await addPhase(actor, process.id, {
			title: { ro: 'Implementare' },
			description: { ro: '' },
			startsOn: day(-30),
			endsOn: day(300)
		})
	).id;
	const title = { ro: `Bugetare participativă ${tag}`, en: `Participatory budgeting ${tag}` };
	const moduleId = must(await mountModule(actor, { spaceId: process.id, manifest: budgets }, { title })).id;
	must(
		await configureModule(
			actor,
			{ spaceId: process.id, moduleId, manifest: budgets },
			{
				title,
				published: true,
				settings: {},
				phaseSettings: { [phaseId]: { stage: 'implementation' } },
				requiredVerifications: {}
			}
		)
	);
	must(await publishProcessAndModules(actor, process.id));
	const [pot] = await db
		.insert(budgetsZones)
		.values({ moduleId, code: 'Z1', name: { ro: 'Zona Cetate' }, budget: 500_000, position: 1 })
		.returning();
	const [funded] = await db
		.insert(budgetsProjects)
		.values({
			moduleId,
			zoneId: pot.id,
			code: 'Z1-01',
			title: `Loc de joacă în Parcul Rozelor ${tag}`,
			body: 'Un loc de joacă incluziv, cu echipamente pentru toți copiii.',
			address: 'Parcul Rozelor',
			latitude: 45.7512,
			longitude: 21.2297,
			estimatedCost: 400_000,
			cityCost: 420_000,
			eligibility: 'eligible',
			evaluation: 'feasible',
			votes: 812,
			funded: true,
			implementationStatus: 'works',
			progress: 60,
			spent: 250_000
		})
		.returning();
	await db.insert(budgetsProjects).values({
		moduleId,
		zoneId: pot.id,
		code: 'Z1-02',
		title: `Fântână arteziană ${tag}`,
		body: 'O fântână restaurată.',
		estimatedCost: 300_000,
		eligibility: 'eligible',
		evaluation: 'feasible',
		votes: 95,
		funded: false
	});
	const ctx = await (await getAuth()).$context;
	const citizen = { id: randomUUID(), email: `urmaritor.${tag}@example.ro`, password: `parola-urmarire-${tag}` };
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
	return {
		spaceId: process.id,
		slug: process.slug,
		moduleId,
		projectId: funded.id,
		projectTitle: funded.title,
		citizen: { email: citizen.email, password: citizen.password }
	};
}
