/** Turns two-factor sign-in off after checking the password; staff roles stop being in force until it is on again. */
import { isAPIError } from 'better-auth/api';
import { isUser, type Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getAuth } from '../../auth/auth.ts';
import { getDb } from '../../db/index.ts';
import { authorize, decide } from '../../permissions/index.ts';
import { invalid, ok, type Result } from '../../result.ts';

export async function disableTwoFactor(
	actor: Actor,
	input: { password?: unknown },
	headers: Headers
): Promise<Result<true>> {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const password = typeof input.password === 'string' ? input.password : '';
	if (!password) return invalid({ password: 'validation_required' });
	const auth = await getAuth();
	try {
		await auth.api.disableTwoFactor({ body: { password }, headers });
	} catch (e) {
		if (isAPIError(e)) return invalid({ password: 'admin_two_factor_wrong_password' });
		throw e;
	}
	await recordAction(await getDb(), actor, {
		action: 'user.two_factor_disable',
		resourceType: 'user',
		resourceId: (actor as { id: string }).id
	});
	return ok(true);
}
