/**
 * For e2e stories only (called from `/test-hooks/budgets/desks`, which answers only when test hooks are on): an
 * edition open for voting with one pot and projects on the ballot, desk staff accounts with a known two-factor key
 * (their roles are in force only with two-factor sign-in), and a citizen with a confirmed phone.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { symmetricEncrypt } from 'better-auth/crypto';
import { getAuth } from '../../platform/auth/auth.ts';
import { getDb } from '../../platform/db/index.ts';
import { account, twoFactor, user, userRoles, verifications, zones } from '../../platform/db/schema.ts';
import { publishedEditionForTests } from './test-hook-edition.ts';
import { budgetsProjects, budgetsZones } from './schema.ts';

async function staffAccount(tag: string, n: number) {
	const db = await getDb();
	const ctx = await (await getAuth()).$context;
	const id = randomUUID();
	const email = `staff.${n}.${tag}@vocea.test`;
	const password = `parola-ghiseu-${tag}-${n}`;
	const totpKey = randomBytes(16).toString('hex');
	await db
		.insert(user)
		.values({ id, name: `Operator ${n} ${tag}`, email, emailVerified: true, twoFactorEnabled: true });
	await db.insert(account).values({
		id: randomUUID(),
		accountId: id,
		providerId: 'credential',
		userId: id,
		password: await ctx.password.hash(password)
	});
	await db.insert(twoFactor).values({
		id: randomUUID(),
		userId: id,
		secret: await symmetricEncrypt({ key: ctx.secretConfig, data: totpKey }),
		backupCodes: JSON.stringify([]),
		verified: true
	});
	await db.insert(userRoles).values({ userId: id, role: 'staff' });
	return { email, password, totpKey };
}

export async function createDeskEditionForTests() {
	const db = await getDb();
	const { tag, process, moduleId } = await publishedEditionForTests({
		label: 'la ghișeu',
		summary: 'Locuitorii votează proiecte și la ghișeele primăriei.',
		phaseTitle: 'Vot',
		stage: 'voting',
		from: -5,
		to: 10
	});
	const [zone] = await db
		.insert(zones)
		.values({ slug: `zona-ghiseu-${tag}`, name: { ro: 'Zona Centru' } })
		.returning();
	const [pot] = await db
		.insert(budgetsZones)
		.values({ moduleId, zoneId: zone.id, code: 'Z1', name: { ro: 'Zona Centru' }, budget: 500_000, position: 1 })
		.returning();
	const titles = [
		'Bănci în Piața Victoriei',
		'Pistă de biciclete pe Bega',
		'Loc de joacă în Parcul Rozelor',
		'Copaci pe strada Alba Iulia'
	];
	for (const [i, title] of titles.entries())
		await db.insert(budgetsProjects).values({
			moduleId,
			zoneId: pot.id,
			code: `Z1-0${i + 1}`,
			title,
			body: 'Un proiect pentru cartier.',
			estimatedCost: 80_000 + i * 10_000,
			eligibility: 'eligible',
			evaluation: 'feasible'
		});
	const citizenId = randomUUID();
	const citizen = { email: `votant.${tag}@example.ro`, phone: `+4072${String(Date.now()).slice(-7)}` };
	await db
		.insert(user)
		.values({ id: citizenId, name: `Maria Popescu ${tag}`, email: citizen.email, emailVerified: true });
	await db.insert(verifications).values({ userId: citizenId, kind: 'phone', method: 'sms', detail: citizen.phone });
	return {
		spaceId: process.id,
		moduleId,
		staff: [await staffAccount(tag, 1), await staffAccount(tag, 2)],
		citizen
	};
}
