/** Confirms the phone number with the code sent by SMS; a match grants the `phone` verification. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { isUser, type Actor } from '../../actors/actor.ts';
import { getDb } from '../../db/index.ts';
import { phoneCodes } from '../../db/schema.ts';
import { authorize, decide } from '../../permissions/index.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { grantVerification } from '../grant-verification.ts';
import { PHONE_CODE_MAX_ATTEMPTS, phoneCodeMatches } from '../phone-code.ts';

export async function confirmPhoneCode(
	actor: Actor,
	input: { code?: unknown },
	now = new Date()
): Promise<Result<{ phone: string }>> {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const me = actor as Extract<Actor, { kind: 'user' }>;
	const code = typeof input.code === 'string' ? input.code.replace(/\s+/g, '') : '';
	if (!/^\d{6}$/.test(code)) return invalid({ code: 'verification_code_format' });
	const db = await getDb();
	return db.transaction(async (tx) => {
		const [pending] = await tx
			.select()
			.from(phoneCodes)
			.where(and(eq(phoneCodes.userId, me.id), isNull(phoneCodes.usedAt)))
			.orderBy(desc(phoneCodes.createdAt))
			.limit(1);
		if (!pending || pending.expiresAt <= now) return invalid({ code: 'verification_code_expired' });
		if (pending.attempts >= PHONE_CODE_MAX_ATTEMPTS) return invalid({ code: 'verification_code_too_many' });
		if (!phoneCodeMatches(pending.id, code, pending.codeHash)) {
			await tx
				.update(phoneCodes)
				.set({ attempts: sql`${phoneCodes.attempts} + 1` })
				.where(eq(phoneCodes.id, pending.id));
			return invalid({ code: 'verification_code_wrong' });
		}
		await tx.update(phoneCodes).set({ usedAt: now }).where(eq(phoneCodes.id, pending.id));
		await grantVerification(tx, { userId: me.id, kind: 'phone', method: 'sms', detail: pending.phone });
		return ok({ phone: pending.phone });
	});
}
