import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { insertPerson } from '../../../../../tests/support/people.ts';
import { loadActor } from '../actors/load-actor.ts';
import type { Db } from '../db/index.ts';
import { verifications } from '../db/schema.ts';
import { grantVerification } from './grant-verification.ts';

const database = useTestDatabase();
const db = () => database().db;

const rowsOf = (userId: string) =>
	db().select().from(verifications).where(eq(verifications.userId, userId)).orderBy(verifications.createdAt);
const activeKinds = async (userId: string) => {
	const actor = await loadActor(db(), userId);
	return actor.kind === 'user' ? [...actor.verifications].sort() : [];
};

describe('granting a verification', () => {
	it('attaches the proof with how it was made and by whom, and the actor has it from then on', async () => {
		const citizen = await insertPerson('ana@example.ro');
		const clerk = await insertPerson('clerk@example.ro', { roles: ['staff'] });
		expect(await activeKinds(citizen)).toEqual([]);

		const id = await grantVerification(db(), {
			userId: citizen,
			kind: 'residence',
			method: 'in_person',
			verifiedBy: clerk,
			documentType: 'identity_card'
		});

		const [row] = await rowsOf(citizen);
		expect(row).toMatchObject({
			id,
			kind: 'residence',
			method: 'in_person',
			verifiedBy: clerk,
			documentType: 'identity_card',
			detail: null,
			revokedAt: null
		});
		expect(await activeKinds(citizen)).toEqual(['residence']);
	});

	it('replaces an active proof of the same kind, keeping the old one as history', async () => {
		const citizen = await insertPerson('ana@example.ro');
		const neighbour = await insertPerson('ion@example.ro');
		const firstPhone = await grantVerification(db(), {
			userId: citizen,
			kind: 'phone',
			method: 'sms',
			detail: '+40711111111'
		});
		await grantVerification(db(), { userId: citizen, kind: 'age', method: 'census', detail: 'batch:1' });
		await grantVerification(db(), { userId: neighbour, kind: 'phone', method: 'sms', detail: '+40722222222' });

		const secondPhone = await grantVerification(db(), {
			userId: citizen,
			kind: 'phone',
			method: 'sms',
			detail: '+40733333333'
		});

		expect(secondPhone).not.toBe(firstPhone);
		const rows = await rowsOf(citizen);
		expect(rows.map((r) => [r.kind, r.detail, r.revokedAt === null])).toEqual([
			['phone', '+40711111111', false],
			['age', 'batch:1', true],
			['phone', '+40733333333', true]
		]);
		expect(await activeKinds(citizen)).toEqual(['age', 'phone']);
		// Someone else's proof of the same kind is not touched.
		const [other] = await rowsOf(neighbour);
		expect(other).toMatchObject({ detail: '+40722222222', revokedAt: null });
	});

	it('is part of the caller’s transaction: a rollback keeps the previous proof', async () => {
		const citizen = await insertPerson('ana@example.ro');
		await grantVerification(db(), { userId: citizen, kind: 'phone', method: 'sms', detail: '+40711111111' });
		await expect(
			db().transaction(async (tx) => {
				await grantVerification(tx as unknown as Db, {
					userId: citizen,
					kind: 'phone',
					method: 'sms',
					detail: '+40733333333'
				});
				throw new Error('the command failed after granting');
			})
		).rejects.toThrow('the command failed after granting');
		expect((await rowsOf(citizen)).map((r) => [r.detail, r.revokedAt === null])).toEqual([['+40711111111', true]]);
	});

	it('relies on the database to keep one active proof per kind', async () => {
		const citizen = await insertPerson('ana@example.ro');
		await grantVerification(db(), { userId: citizen, kind: 'email', method: 'link' });
		// A second active row of the kind, written without going through grantVerification, is refused.
		await expect(
			db().insert(verifications).values({ userId: citizen, kind: 'email', method: 'link' })
		).rejects.toThrow();
		const active = await db()
			.select()
			.from(verifications)
			.where(and(eq(verifications.userId, citizen), isNull(verifications.revokedAt)));
		expect(active.length).toBe(1);
	});
});
