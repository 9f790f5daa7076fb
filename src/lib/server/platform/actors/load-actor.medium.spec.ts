import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { insertPerson } from '../../../../../tests/support/people.ts';
import { processWithThreePhases } from '../../../../../tests/support/spaces.ts';
import { actorOf } from '../../../../../tests/support/people.ts';
import { departmentMembers, departments, session, spaceRoles, user, verifications } from '../db/schema.ts';
import { loadActor, loadSessionActor } from './load-actor.ts';

const database = useTestDatabase();
const db = () => database().db;

/** A session row; returns its token (what the signed cookie carries). */
async function addSession(userId: string, expiresInMs = 3_600_000) {
	const token = randomUUID();
	await db()
		.insert(session)
		.values({ id: randomUUID(), token, userId, expiresAt: new Date(Date.now() + expiresInMs) });
	return token;
}

describe('loading the actor of a signed-in user (one statement per request)', () => {
	it('gathers roles, departments, space roles and active verifications', async () => {
		const id = await insertPerson('clerk@example.ro', { roles: ['staff', 'admin'] });
		const admin = await actorOf(await insertPerson('root@example.ro', { roles: ['admin'] }));
		const { spaceId } = await processWithThreePhases(admin);
		const [dept] = await db()
			.insert(departments)
			.values({ slug: 'urbanism', name: { ro: 'Urbanism' } })
			.returning();
		await db().insert(departmentMembers).values({ departmentId: dept.id, userId: id });
		await db()
			.insert(spaceRoles)
			.values([
				{ spaceId, userId: id, role: 'moderator' },
				{ spaceId, userId: id, role: 'evaluator' }
			]);
		await db()
			.insert(verifications)
			.values([
				{ userId: id, kind: 'residence', method: 'in_person' },
				{ userId: id, kind: 'phone', method: 'sms', revokedAt: new Date() }
			]);

		const found = await loadSessionActor(db(), await addSession(id), { ip: '203.0.113.1' });
		const actor = found!.actor;
		expect(actor).toEqual(await loadActor(db(), id, { ip: '203.0.113.1' }));
		expect(actor.kind).toBe('user');
		if (actor.kind !== 'user') return;
		expect([...actor.roles].sort()).toEqual(['admin', 'staff']);
		expect(actor.pendingRoles).toEqual([]);
		expect(actor.departmentIds).toEqual([dept.id]);
		expect([...actor.spaceRoles[spaceId]].sort()).toEqual(['evaluator', 'moderator']);
		expect(actor.verifications).toEqual(['residence']);
		expect(actor.context).toEqual({ ip: '203.0.113.1' });
	});

	it('gives empty lists to a citizen with nothing, and keeps roles pending without two-factor', async () => {
		const citizen = await loadActor(db(), await insertPerson('ana@example.ro'));
		expect(citizen).toMatchObject({ kind: 'user', roles: [], departmentIds: [], spaceRoles: {}, verifications: [] });
		const staff = await loadActor(db(), await insertPerson('s@example.ro', { roles: ['staff'], twoFactor: false }));
		expect(staff).toMatchObject({ roles: [], pendingRoles: ['staff'] });
	});

	it('finds no one when the session was revoked or expired, or the account deleted', async () => {
		const id = await insertPerson('ana@example.ro');
		const live = await addSession(id);
		const expired = await addSession(id, -1000);
		expect((await loadSessionActor(db(), live))?.actor).toMatchObject({ kind: 'user', id });
		expect(await loadSessionActor(db(), expired)).toBeNull();
		expect(await loadSessionActor(db(), 'no-such-token')).toBeNull();
		await db().delete(session).where(eq(session.token, live));
		expect(await loadSessionActor(db(), live)).toBeNull();
		const kept = await addSession(id);
		await db().update(user).set({ deletedAt: new Date() }).where(eq(user.id, id));
		expect(await loadSessionActor(db(), kept)).toBeNull();
		expect((await loadActor(db(), id)).kind).toBe('anonymous');
	});
});
