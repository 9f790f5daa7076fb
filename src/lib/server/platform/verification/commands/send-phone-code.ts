/** Sends a six-digit code by SMS to confirm the person's phone number (hashed, 10 minutes, rate limited). */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { isUser, type Actor } from '../../actors/actor.ts';
import { getDb } from '../../db/index.ts';
import { phoneCodes } from '../../db/schema.ts';
import { hitRateLimit, rateRules } from '../../http/rate-limit.ts';
import { messageByKey } from '../../i18n.ts';
import { sendSms } from '../../notifications/sms.ts';
import { authorize, decide } from '../../permissions/index.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { normalizePhone } from '../phone.ts';
import { hashPhoneCode, newPhoneCode, PHONE_CODE_TTL_MS } from '../phone-code.ts';

export async function sendPhoneCode(
	actor: Actor,
	input: { phone?: unknown },
	now = new Date()
): Promise<Result<{ phone: string }>> {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const me = actor as Extract<Actor, { kind: 'user' }>;
	const phone = typeof input.phone === 'string' ? normalizePhone(input.phone) : null;
	if (!phone) return invalid({ phone: 'verification_phone_invalid' });
	// SMS cost money and can be abused to spam a number: limit per account and per address.
	const byUser = await hitRateLimit(rateRules.smsByUser, me.id, now);
	const byIp = me.context.ip ? await hitRateLimit(rateRules.smsByIp, me.context.ip, now) : { allowed: true };
	if (!byUser.allowed || !byIp.allowed) return invalid({ _form: 'rate_limited' });
	const id = randomUUID();
	const code = newPhoneCode();
	const db = await getDb();
	await db.transaction(async (tx) => {
		// Only the newest code counts: earlier unused ones are retired.
		await tx
			.update(phoneCodes)
			.set({ usedAt: now })
			.where(and(eq(phoneCodes.userId, me.id), isNull(phoneCodes.usedAt)));
		await tx.insert(phoneCodes).values({
			id,
			userId: me.id,
			phone,
			codeHash: hashPhoneCode(id, code),
			expiresAt: new Date(now.getTime() + PHONE_CODE_TTL_MS),
			createdAt: now
		});
	});
	await sendSms({ to: phone, text: messageByKey('verification_sms_text', me.locale, { code }) });
	return ok({ phone });
}
