/** Read models for verification: a person's own proofs and pending phone code, and the imported census lists. */
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { isUser, type Actor } from '../actors/actor.ts';
import { getDb } from '../db/index.ts';
import { censusBatches, censusEntries, phoneCodes, user, verifications } from '../db/schema.ts';
import { authorize, decide } from '../permissions/index.ts';
import { canAdmin } from '../permissions/admin-policy.ts';

/** The signed-in person's active verifications and, if one is waiting, the phone number a code was sent to. */
export async function myVerifications(actor: Actor, now = new Date()) {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const me = actor as Extract<Actor, { kind: 'user' }>;
	const db = await getDb();
	const [active, [pending]] = await Promise.all([
		db
			.select({ kind: verifications.kind, method: verifications.method, createdAt: verifications.createdAt })
			.from(verifications)
			.where(and(eq(verifications.userId, me.id), isNull(verifications.revokedAt))),
		db
			.select({ phone: phoneCodes.phone })
			.from(phoneCodes)
			.where(and(eq(phoneCodes.userId, me.id), isNull(phoneCodes.usedAt), gt(phoneCodes.expiresAt, now)))
			.orderBy(desc(phoneCodes.createdAt))
			.limit(1)
	]);
	return { emailVerified: me.emailVerified, active, pendingPhone: pending?.phone ?? null };
}

/** Imported census lists, newest first, with how many of their entries were claimed. */
export async function listCensusBatches(actor: Actor) {
	authorize(canAdmin(actor, 'census.import'));
	const db = await getDb();
	return db
		.select({
			id: censusBatches.id,
			name: censusBatches.name,
			rows: censusBatches.rows,
			createdAt: censusBatches.createdAt,
			importedBy: user.name,
			claimed: sql<number>`(select count(*)::int from ${censusEntries} where ${censusEntries.batchId} = ${censusBatches.id} and ${censusEntries.claimedBy} is not null)`
		})
		.from(censusBatches)
		.leftJoin(user, eq(user.id, censusBatches.importedBy))
		.orderBy(desc(censusBatches.createdAt));
}
