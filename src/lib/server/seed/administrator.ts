/** Ensures the platform administrator exists (ADMIN_EMAIL / ADMIN_PASSWORD, or a generated password shown once). */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/index.ts';
import { user, userRoles } from '../platform/db/schema.ts';
import { getAuth } from '../platform/auth/auth.ts';

export async function ensureAdministrator(
	db: Db
): Promise<{ id: string; email: string; created: boolean; generatedPassword?: string }> {
	const email = (process.env.ADMIN_EMAIL ?? 'admin@vocea.local').toLowerCase();
	const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
	if (existing) {
		await db.insert(userRoles).values({ userId: existing.id, role: 'admin' }).onConflictDoNothing();
		return { id: existing.id, email, created: false };
	}
	const generated = process.env.ADMIN_PASSWORD ? undefined : randomBytes(12).toString('base64url');
	const password = process.env.ADMIN_PASSWORD ?? generated!;
	const auth = await getAuth();
	const ctx = await auth.$context;
	const hash = await ctx.password.hash(password);
	const created = await ctx.internalAdapter.createUser(
		{
			email,
			name: 'Administrator',
			emailVerified: true,
			locale: 'ro'
		},
		{ method: 'admin' }
	);
	await ctx.internalAdapter.linkAccount({
		userId: created.id,
		providerId: 'credential',
		accountId: created.id,
		password: hash
	});
	await db.insert(userRoles).values({ userId: created.id, role: 'admin' });
	return { id: created.id, email, created: true, generatedPassword: generated };
}
