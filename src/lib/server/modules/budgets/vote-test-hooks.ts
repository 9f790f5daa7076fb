/**
 * For e2e stories only (called from `/test-hooks/budgets/voting`, which answers only when test hooks are on): an
 * edition open for voting with two zone pots and a city-wide pot, six projects on the ballot in each, and a citizen
 * with a password and a confirmed e-mail but no phone yet (the story confirms it by SMS code).
 */
import { randomUUID } from 'node:crypto';
import { getAuth } from '../../platform/auth/auth.ts';
import { getDb } from '../../platform/db/index.ts';
import { account, user, zones } from '../../platform/db/schema.ts';
import { publishedEditionForTests } from './test-hook-edition.ts';
import { budgetsProjects, budgetsZones } from './schema.ts';

export async function createVotingEditionForTests() {
	const db = await getDb();
	const { tag, process, moduleId } = await publishedEditionForTests({
		label: 'vot',
		summary: 'Locuitorii votează proiectele orașului.',
		phaseTitle: 'Vot',
		stage: 'voting',
		from: -3,
		to: 10
	});
	const pots = [
		{ code: 'ORAS', name: 'Tot orașul', zone: null as string | null, budget: 1_000_000 },
		{ code: 'Z1', name: 'Zona Cetate', zone: 'cetate', budget: 500_000 },
		{ code: 'Z2', name: 'Zona Fabric', zone: 'fabric', budget: 500_000 }
	];
	const subjects = [
		'Bănci și copaci',
		'Pistă de biciclete',
		'Loc de joacă',
		'Fântână publică',
		'Iluminat',
		'Rasteluri'
	];
	for (const [position, p] of pots.entries()) {
		const zoneId = p.zone
			? (
					await db
						.insert(zones)
						.values({ slug: `${p.zone}-${tag}`, name: { ro: p.name } })
						.returning()
				)[0].id
			: null;
		const [pot] = await db
			.insert(budgetsZones)
			.values({ moduleId, zoneId, code: p.code, name: { ro: p.name }, budget: p.budget, position })
			.returning();
		for (const [i, subject] of subjects.entries())
			await db.insert(budgetsProjects).values({
				moduleId,
				zoneId: pot.id,
				code: `${p.code}-0${i + 1}`,
				title: `${subject} — ${p.name}`,
				body: 'Un proiect propus de locuitori.',
				estimatedCost: 60_000 + i * 10_000,
				eligibility: 'eligible',
				evaluation: 'feasible'
			});
	}
	const ctx = await (await getAuth()).$context;
	const citizen = { id: randomUUID(), email: `votant.${tag}@example.ro`, password: `parola-vot-${tag}` };
	await db
		.insert(user)
		.values({ id: citizen.id, name: `Ioana Vlad ${tag}`, email: citizen.email, emailVerified: true });
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
		citizen: { email: citizen.email, password: citizen.password }
	};
}
