/** Starts two-factor set-up: checks the password and creates a TOTP secret that the person confirms with a code. */
import { isAPIError } from 'better-auth/api';
import { isUser, type Actor } from '../../actors/actor.ts';
import { getAuth } from '../../auth/auth.ts';
import { authorize, decide } from '../../permissions/index.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { totpSetup, type TotpSetup } from '../two-factor.ts';

export async function enableTwoFactor(
	actor: Actor,
	input: { password?: unknown },
	headers: Headers
): Promise<Result<TotpSetup>> {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const password = typeof input.password === 'string' ? input.password : '';
	if (!password) return invalid({ password: 'validation_required' });
	const auth = await getAuth();
	try {
		const res = await auth.api.enableTwoFactor({ body: { password }, headers });
		if (!('totpURI' in res) || !res.totpURI) return invalid({ _form: 'admin_two_factor_failed' });
		return ok(totpSetup(res.totpURI));
	} catch (e) {
		if (isAPIError(e)) {
			const code = (e.body as { code?: string } | undefined)?.code;
			if (code === 'TOTP_ALREADY_ENABLED') return invalid({ _form: 'admin_two_factor_already_on' });
			return invalid({ password: 'admin_two_factor_wrong_password' });
		}
		throw e;
	}
}
