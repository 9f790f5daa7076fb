/**
 * For e2e stories only (called from `/test-hooks/budgets/voting`, which answers only when test hooks are on): an
 * edition open for voting with two zone pots and a city-wide pot, six projects on the ballot in each, and a citizen
 * with a password and a confirmed e-mail but no phone yet (the story confirms it by SMS code).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { system } from '../../platform/actors/actor.ts';
import { getAuth } from '../../platform/auth/auth.ts';
import { todayInBucharest } from '../../platform/calendar/index.ts';
import { getDb } from '../../platform/db/index.ts';
import { account, user, zones } from '../../platform/db/schema.ts';
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

export async function createVotingEditionForTests() {
	const db = await getDb();
	const actor = system('e2e');
	const tag = randomBytes(3).toString('hex');
	const day = (d: number) => todayInBucharest(Date.now() + d * 86_400_000);
	const process = must(
		await createProcess(actor, {
			title: { ro: `Timișoara Decide! vot ${tag}` },
			summary: { ro: 'Locuitorii votează proiectele orașului.' },
			description: { ro: 'Ediție de test pentru vot.' },
			organiser: { ro: 'Primăria Municipiului Timișoara' },
			decides: { ro: 'Locuitorii votează.' },
			expectedResult: { ro: 'Proiecte finanțate.' }
		})
	);
	const phaseId = must(
		await addPhase(actor, process.id, {
			title: { ro: 'Vot' },
			description: { ro: '' },
			startsOn: day(-3),
			endsOn: day(10)
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
				phaseSettings: { [phaseId]: { stage: 'voting' } },
				requiredVerifications: {}
			}
		)
	);
	must(await publishProcessAndModules(actor, process.id));
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
