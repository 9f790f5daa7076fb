/**
 * Sets a new password from a reset link. The link proves the person reads the mailbox, so it also confirms the
 * address and lifts a lockout; every session of the account is ended (better-auth revokes them).
 */
import { and, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../actors/actor.ts';
import { decide, authorize } from '../../permissions/index.ts';
import { getDb } from '../../db/index.ts';
import { user, verification } from '../../db/schema.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { getAuth } from '../auth.ts';
import { authErrorCode } from '../auth-error.ts';
import { newPasswordField } from '../schemas.ts';

const resetInput = z.object({
	token: z.string('account_reset_invalid_link').min(1, 'account_reset_invalid_link').max(200),
	password: newPasswordField
});

export async function resetPassword(actor: Actor, input: Record<string, unknown>): Promise<Result<null>> {
	authorize(decide(actor.kind !== 'system', 'system_actor'));
	const parsed = resetInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { token, password } = parsed.data;
	const db = await getDb();
	const [pending] = await db
		.select({ userId: verification.value })
		.from(verification)
		.where(and(eq(verification.identifier, `reset-password:${token}`), gt(verification.expiresAt, new Date())));
	if (!pending) return invalid({ _form: 'account_reset_invalid_link' });
	const [owner] = await db.select({ deletedAt: user.deletedAt }).from(user).where(eq(user.id, pending.userId));
	if (!owner || owner.deletedAt) return invalid({ _form: 'account_reset_invalid_link' });
	const auth = await getAuth();
	try {
		await auth.api.resetPassword({ body: { token, newPassword: password } });
	} catch (error) {
		const code = authErrorCode(error);
		if (code === 'INVALID_TOKEN' || code === 'USER_NOT_FOUND') return invalid({ _form: 'account_reset_invalid_link' });
		if (code === 'PASSWORD_TOO_SHORT') return invalid({ password: 'account_password_too_short' });
		throw error;
	}
	await db
		.update(user)
		.set({ emailVerified: true, failedSignIns: 0, lockedUntil: null })
		.where(eq(user.id, pending.userId));
	return ok(null);
}
