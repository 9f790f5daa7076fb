/** Demo citizens with confirmed e-mail, so the demo shows real activity (demo data only, never in production seeds). */
import type { Db } from '../platform/db/index.ts';
import { getAuth } from '../platform/auth/auth.ts';
import { eq } from 'drizzle-orm';
import { user } from '../platform/db/schema.ts';

export const demoPassword = 'vocea-demo-2026';

const people = [
	{ name: 'Ana Popescu', email: 'ana.popescu@demo.vocea.local', locale: 'ro' },
	{ name: 'Kovács Levente', email: 'levente.kovacs@demo.vocea.local', locale: 'hu' },
	{ name: 'Miriam Schneider', email: 'miriam.schneider@demo.vocea.local', locale: 'de' },
	{ name: 'Dragan Jovanović', email: 'dragan.jovanovic@demo.vocea.local', locale: 'sr' },
	{ name: 'Olena Kovalenko', email: 'olena.kovalenko@demo.vocea.local', locale: 'uk' },
	{ name: 'Ioan Muntean', email: 'ioan.muntean@demo.vocea.local', locale: 'ro' }
];

/** Creates the demo citizens (idempotent) and returns their ids. */
export async function seedDemoUsers(db: Db): Promise<string[]> {
	const auth = await getAuth();
	const ctx = await auth.$context;
	const hash = await ctx.password.hash(demoPassword);
	const ids: string[] = [];
	for (const p of people) {
		const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, p.email));
		if (existing) {
			ids.push(existing.id);
			continue;
		}
		const created = await ctx.internalAdapter.createUser(
			{ email: p.email, name: p.name, emailVerified: true, locale: p.locale },
			{ method: 'admin' }
		);
		await ctx.internalAdapter.linkAccount({
			userId: created.id,
			providerId: 'credential',
			accountId: created.id,
			password: hash
		});
		ids.push(created.id);
	}
	return ids;
}
