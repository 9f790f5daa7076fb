/**
 * A citizen proves residence (and age ≥ 16) by typing their identifier: it is normalised and hashed, never stored,
 * and matched against the imported census list. Each census entry can be claimed by one account only.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { isUser, type Actor } from '../../actors/actor.ts';
import { getDb } from '../../db/index.ts';
import { censusEntries } from '../../db/schema.ts';
import { hitRateLimit, type RateRule } from '../../http/rate-limit.ts';
import { authorize, decide } from '../../permissions/index.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { censusHash, censusSalt } from '../census-hash.ts';
import { grantVerification } from '../grant-verification.ts';

/** Guessing identifiers must be slow: a few tries per hour and account. */
export const censusClaimRule: RateRule = { name: 'census:user', limit: 5, windowSeconds: 60 * 60 };

export const MINIMUM_AGE = 16;

/**
 * With only a birth year, someone is certainly 16 once the year difference is 17; in the year they turn 16 they
 * may not be yet, so age is left to an in-person check then (documented in docs/verification.md).
 */
export const certainlyOfAge = (birthYear: number, now: Date) => now.getFullYear() - birthYear - 1 >= MINIMUM_AGE;

export async function claimCensusEntry(
	actor: Actor,
	input: { identifier?: unknown },
	now = new Date()
): Promise<Result<{ residence: true; age: boolean }>> {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const me = actor as Extract<Actor, { kind: 'user' }>;
	const identifier = typeof input.identifier === 'string' ? input.identifier.trim() : '';
	if (!identifier) return invalid({ identifier: 'validation_required' });
	if (identifier.length > 64) return invalid({ identifier: 'validation_too_long' });
	const salt = censusSalt();
	if (!salt) return invalid({ _form: 'verification_census_not_configured' });
	if (!(await hitRateLimit(censusClaimRule, me.id, now)).allowed) return invalid({ _form: 'rate_limited' });
	const hash = censusHash(identifier, salt);
	const db = await getDb();
	return db.transaction(async (tx) => {
		const [entry] = await tx.select().from(censusEntries).where(eq(censusEntries.hash, hash));
		if (!entry) return invalid({ identifier: 'verification_census_no_match' });
		if (entry.claimedBy && entry.claimedBy !== me.id)
			return invalid({ identifier: 'verification_census_already_claimed' });
		if (!entry.claimedBy) {
			// Conditional update: two accounts racing for one entry cannot both win.
			const won = await tx
				.update(censusEntries)
				.set({ claimedBy: me.id, claimedAt: now })
				.where(and(eq(censusEntries.hash, hash), isNull(censusEntries.claimedBy)))
				.returning({ hash: censusEntries.hash });
			if (!won.length) return invalid({ identifier: 'verification_census_already_claimed' });
		}
		await grantVerification(tx, {
			userId: me.id,
			kind: 'residence',
			method: 'census',
			detail: entry.neighbourhoodId ? `neighbourhood:${entry.neighbourhoodId}` : `batch:${entry.batchId}`
		});
		const age = entry.birthYear !== null && certainlyOfAge(entry.birthYear, now);
		if (age)
			await grantVerification(tx, { userId: me.id, kind: 'age', method: 'census', detail: `batch:${entry.batchId}` });
		return ok({ residence: true as const, age });
	});
}
