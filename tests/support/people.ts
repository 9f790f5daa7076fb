/** Medium-test helpers for staff: insert people directly (with roles, two-factor on or off) and load them as actors. */
import { randomUUID } from 'node:crypto';
import type { Actor, PlatformRole } from '../../src/lib/server/platform/actors/actor.ts';
import { loadActor } from '../../src/lib/server/platform/actors/load-actor.ts';
import { getDb } from '../../src/lib/server/platform/db/index.ts';
import { user, userRoles } from '../../src/lib/server/platform/db/schema.ts';

export async function insertPerson(
	email: string,
	{
		roles = [],
		twoFactor = roles.length > 0,
		name
	}: { roles?: PlatformRole[]; twoFactor?: boolean; name?: string } = {}
): Promise<string> {
	const db = await getDb();
	const id = randomUUID();
	await db
		.insert(user)
		.values({ id, name: name ?? email.split('@')[0], email, emailVerified: true, twoFactorEnabled: twoFactor });
	if (roles.length) await db.insert(userRoles).values(roles.map((role) => ({ userId: id, role })));
	return id;
}

export async function actorOf(userId: string, ip = '203.0.113.7'): Promise<Actor> {
	return loadActor(await getDb(), userId, { ip, userAgent: 'vitest' });
}
