/** The second step of signing in: a code from the authenticator app, or one of the backup codes. */
import { z } from 'zod';
import type { Actor } from '../../actors/actor.ts';
import { decide, authorize } from '../../permissions/index.ts';
import { hitRateLimit, rateRules } from '../../http/rate-limit.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { getAuth } from '../auth.ts';
import { authErrorCode } from '../auth-error.ts';
import { withClientIp } from '../client-headers.ts';

const twoFactorInput = z.discriminatedUnion(
	'method',
	[
		z.object({
			method: z.literal('totp'),
			code: z
				.string('validation_required')
				.transform((v) => v.replace(/\s+/g, ''))
				.pipe(
					z
						.string()
						.min(1, 'validation_required')
						.regex(/^\d{6}$/, 'account_sign_in_code_format')
				)
		}),
		z.object({
			method: z.literal('backup'),
			code: z.string('validation_required').trim().min(1, 'validation_required').max(64, 'account_sign_in_code_wrong')
		})
	],
	'validation_invalid'
);

export async function completeTwoFactorSignIn(
	actor: Actor,
	input: Record<string, unknown>,
	{ headers = new Headers() }: { headers?: Headers } = {}
): Promise<Result<{ userId: string; headers: Headers }>> {
	authorize(decide(actor.kind !== 'system', 'system_actor'));
	const parsed = twoFactorInput.safeParse({ method: input.method || 'totp', code: input.code });
	if (!parsed.success) return invalid(parsed.error);
	const limit = await hitRateLimit(rateRules.signInByIp, actor.context.ip ?? 'unknown');
	if (!limit.allowed) return invalid({ _form: 'rate_limited' });
	const auth = await getAuth();
	try {
		const { code, method } = parsed.data;
		const answer =
			method === 'totp'
				? await auth.api.verifyTOTP({ body: { code }, headers: withClientIp(headers, actor), returnHeaders: true })
				: await auth.api.verifyBackupCode({
						body: { code },
						headers: withClientIp(headers, actor),
						returnHeaders: true
					});
		const response = answer.response as { user: { id: string } };
		return ok({ userId: response.user.id, headers: answer.headers });
	} catch (error) {
		const code = authErrorCode(error);
		// The challenge cookie is missing or expired, or too many wrong codes used it up: start again.
		if (code === 'INVALID_TWO_FACTOR_COOKIE' || code === 'TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE')
			return invalid({ _form: 'account_sign_in_code_expired' });
		if (code === 'ACCOUNT_TEMPORARILY_LOCKED') return invalid({ _form: 'account_sign_in_locked' });
		if (code === 'INVALID_CODE' || code === 'INVALID_BACKUP_CODE' || code === 'INVALID_OTP')
			return invalid({ code: 'account_sign_in_code_wrong' });
		throw error;
	}
}
