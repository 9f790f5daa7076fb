/** Confirms an e-mail address from the link in the confirmation message, and signs the person in. */
import { z } from 'zod';
import type { Actor } from '../../actors/actor.ts';
import { decide, authorize } from '../../permissions/index.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { getAuth } from '../auth.ts';
import { authErrorCode } from '../auth-error.ts';
import { withClientIp } from '../client-headers.ts';

const confirmInput = z.object({
	token: z.string('account_confirm_invalid').min(10, 'account_confirm_invalid').max(4000)
});

export async function confirmEmail(
	actor: Actor,
	input: Record<string, unknown>,
	{ headers = new Headers() }: { headers?: Headers } = {}
): Promise<Result<{ signedIn: boolean; headers: Headers }>> {
	authorize(decide(actor.kind !== 'system', 'system_actor'));
	const parsed = confirmInput.safeParse(input);
	if (!parsed.success) return invalid({ token: 'account_confirm_invalid' });
	const auth = await getAuth();
	try {
		const answer = await auth.api.verifyEmail({
			query: { token: parsed.data.token },
			headers: withClientIp(headers, actor),
			returnHeaders: true
		});
		// Only the first click opens a session; a later one finds the address already confirmed and sets no cookie.
		const signedIn = answer.headers.getSetCookie().some((c) => /session_token=[^;]/.test(c));
		return ok({ signedIn, headers: answer.headers });
	} catch (error) {
		const code = authErrorCode(error);
		if (code === 'TOKEN_EXPIRED') return invalid({ token: 'account_confirm_expired' });
		if (code === 'INVALID_TOKEN' || code === 'USER_NOT_FOUND' || code === 'INVALID_USER')
			return invalid({ token: 'account_confirm_invalid' });
		throw error;
	}
}
