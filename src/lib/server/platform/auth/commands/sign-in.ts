/**
 * Signs a person in with e-mail and password. Rate-limited per IP and per address; five wrong passwords in a row lock
 * the account for 15 minutes and e-mail the owner; a correct password resets the count. With two-factor sign-in on,
 * the answer asks for the second step instead of opening a session.
 */
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../actors/actor.ts';
import { decide, authorize } from '../../permissions/index.ts';
import { getDb, type Db } from '../../db/index.ts';
import { user } from '../../db/schema.ts';
import { hitRateLimit, rateRules } from '../../http/rate-limit.ts';
import { logger } from '../../log.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { getAuth } from '../auth.ts';
import { authErrorCode } from '../auth-error.ts';
import { withClientIp } from '../client-headers.ts';
import { sendLockoutEmail } from '../emails.ts';
import { currentPasswordField, emailField } from '../schemas.ts';

export const LOCKOUT_AFTER_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

const signInInput = z.object({ email: emailField, password: currentPasswordField });

export type SignInOutcome =
	{ step: 'signed-in'; userId: string; headers: Headers } | { step: 'two-factor'; headers: Headers };

export async function signIn(
	actor: Actor,
	input: Record<string, unknown>,
	{ headers = new Headers(), now = new Date() }: { headers?: Headers; now?: Date } = {}
): Promise<Result<SignInOutcome>> {
	authorize(decide(actor.kind !== 'system', 'system_actor'));
	const parsed = signInInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { email, password } = parsed.data;
	const [byIp, byEmail] = await Promise.all([
		hitRateLimit(rateRules.signInByIp, actor.context.ip ?? 'unknown', now),
		hitRateLimit(rateRules.signInByEmail, email, now)
	]);
	if (!byIp.allowed || !byEmail.allowed) return invalid({ _form: 'rate_limited' });

	const db = await getDb();
	const [account] = await db
		.select({ id: user.id, lockedUntil: user.lockedUntil, deletedAt: user.deletedAt })
		.from(user)
		.where(eq(user.email, email));
	if (account?.deletedAt) return invalid({ _form: 'account_sign_in_failed' });
	// While locked, the password is not even checked: guessing must stop, not just fail.
	if (account?.lockedUntil && account.lockedUntil > now) return invalid({ _form: 'account_sign_in_locked' });

	const auth = await getAuth();
	try {
		const answer = await auth.api.signInEmail({
			body: { email, password },
			headers: withClientIp(headers, actor),
			returnHeaders: true
		});
		if (account) await db.update(user).set({ failedSignIns: 0, lockedUntil: null }).where(eq(user.id, account.id));
		const response = answer.response as { twoFactorRedirect?: boolean; user?: { id: string } };
		if (response.twoFactorRedirect) return ok({ step: 'two-factor', headers: answer.headers });
		return ok({ step: 'signed-in', userId: response.user!.id, headers: answer.headers });
	} catch (error) {
		const code = authErrorCode(error);
		// Only reached with the right password, so saying it does not reveal anything to a guesser.
		if (code === 'EMAIL_NOT_VERIFIED') return invalid({ _form: 'account_sign_in_unconfirmed' });
		if (code !== 'INVALID_EMAIL_OR_PASSWORD' && code !== 'INVALID_EMAIL') throw error;
		if (account && (await countFailure(db, account.id, now))) return invalid({ _form: 'account_sign_in_locked' });
		return invalid({ _form: 'account_sign_in_failed' });
	}
}

/** Adds one failure; at the threshold locks the account and e-mails the owner. Returns true when it just locked. */
async function countFailure(db: Db, userId: string, now: Date): Promise<boolean> {
	// One atomic increment, so two parallel wrong guesses cannot both skip the threshold.
	const [row] = await db
		.update(user)
		.set({ failedSignIns: sql`${user.failedSignIns} + 1` })
		.where(eq(user.id, userId))
		.returning({ failures: user.failedSignIns, email: user.email, name: user.name, locale: user.locale });
	if (!row || row.failures < LOCKOUT_AFTER_FAILURES) return false;
	// Only the request that actually sets the lock sends the notice.
	const locked = await db
		.update(user)
		.set({ failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) })
		.where(and(eq(user.id, userId), or(isNull(user.lockedUntil), lte(user.lockedUntil, now))))
		.returning({ id: user.id });
	if (!locked.length) return true;
	try {
		await sendLockoutEmail(row, LOCKOUT_MINUTES);
	} catch (err) {
		logger().error({ err, userId }, 'could not send the lockout notice');
	}
	return true;
}
