/**
 * For e2e stories only (called from `/test-hooks/budgets/implementation`, which answers only when test hooks are on):
 * an edition in its implementation stage with one funded project (placed on the map) and one not funded, and a
 * citizen with a password and a confirmed e-mail who will follow the funded project.
 */
import { randomUUID } from 'node:crypto';
import { getAuth } from '../../platform/auth/auth.ts';
import { getDb } from '../../platform/db/index.ts';
import { account, user } from '../../platform/db/schema.ts';
import { publishedEditionForTests } from './test-hook-edition.ts';
import { budgetsProjects, budgetsZones } from './schema.ts';

export async function createFundedEditionForTests() {
	const db = await getDb();
	const { tag, process, moduleId } = await publishedEditionForTests({
		label: 'realizare',
		summary: 'Proiectele câștigătoare sunt realizate.',
		phaseTitle: 'Implementare',
		stage: 'implementation',
		from: -30,
		to: 300
	});
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
