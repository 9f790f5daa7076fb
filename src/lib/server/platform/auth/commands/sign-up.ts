/** Creates an unconfirmed account and sends the confirmation link; an existing address gets the same answer. */
import { z } from 'zod';
import type { Actor } from '../../actors/actor.ts';
import { decide, authorize } from '../../permissions/index.ts';
import { hitRateLimit, rateRules } from '../../http/rate-limit.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { getAuth } from '../auth.ts';
import { authErrorCode } from '../auth-error.ts';
import { withClientIp } from '../client-headers.ts';
import { displayNameField, emailField, localeField, newPasswordField } from '../schemas.ts';

const signUpInput = z.object({
	name: displayNameField,
	email: emailField,
	password: newPasswordField,
	locale: localeField
});

export type SignUpInput = Record<string, unknown>;

export async function signUp(
	actor: Actor,
	input: SignUpInput,
	{ headers = new Headers() }: { headers?: Headers } = {}
): Promise<Result<{ email: string }>> {
	authorize(decide(actor.kind === 'anonymous', 'already_signed_in'));
	const parsed = signUpInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const limit = await hitRateLimit(rateRules.signUpByIp, actor.context.ip ?? 'unknown');
	if (!limit.allowed) return invalid({ _form: 'rate_limited' });
	const { name, email, password, locale } = parsed.data;
	const auth = await getAuth();
	try {
		// With requireEmailVerification, better-auth answers an existing address with a look-alike success.
		await auth.api.signUpEmail({ body: { name, email, password, locale }, headers: withClientIp(headers, actor) });
	} catch (error) {
		const code = authErrorCode(error);
		if (code === 'PASSWORD_TOO_SHORT') return invalid({ password: 'account_password_too_short' });
		if (code === 'PASSWORD_TOO_LONG') return invalid({ password: 'validation_too_long' });
		if (code === 'INVALID_EMAIL') return invalid({ email: 'validation_email' });
		throw error;
	}
	return ok({ email });
}
