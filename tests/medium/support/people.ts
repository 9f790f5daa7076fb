/** Medium-test fixtures: people (rows in `user`) and their actors, without going through sign-up. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../src/lib/server/platform/db/index.ts';
import { user, userRoles } from '../../../src/lib/server/platform/db/schema.ts';
import { loadActor } from '../../../src/lib/server/platform/actors/load-actor.ts';
import type { UserActor } from '../../../src/lib/server/platform/actors/actor.ts';

export interface PersonOptions {
	name?: string;
	email?: string;
	locale?: string;
	emailMode?: 'instant' | 'digest' | 'off';
	emailVerified?: boolean;
	/** Platform roles, in force (two-factor sign-in on). */
	roles?: string[];
}

export async function createPerson(db: Db, o: PersonOptions = {}): Promise<{ id: string; email: string }> {
	const id = randomUUID();
	const email = o.email ?? `${id.slice(0, 8)}@example.test`;
	await db.insert(user).values({
		id,
		name: o.name ?? 'Ana Popescu',
		email,
		emailVerified: o.emailVerified ?? true,
		locale: o.locale ?? 'ro',
		emailMode: o.emailMode ?? 'instant',
		twoFactorEnabled: (o.roles?.length ?? 0) > 0
	});
	if (o.roles?.length) await db.insert(userRoles).values(o.roles.map((role) => ({ userId: id, role })));
	return { id, email };
}

export async function actorOf(db: Db, id: string): Promise<UserActor> {
	const actor = await loadActor(db, id);
	if (actor.kind !== 'user') throw new Error('not a user');
	return actor;
}
