/** Sends a password reset link if the address has an account; the answer is the same either way. */
import { z } from 'zod';
import type { Actor } from '../../actors/actor.ts';
import { decide, authorize } from '../../permissions/index.ts';
import { hitRateLimit, rateRules } from '../../http/rate-limit.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { getAuth } from '../auth.ts';
import { emailField } from '../schemas.ts';

const requestInput = z.object({ email: emailField });

export async function requestPasswordReset(
	actor: Actor,
	input: Record<string, unknown>
): Promise<Result<{ email: string }>> {
	authorize(decide(actor.kind !== 'system', 'system_actor'));
	const parsed = requestInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { email } = parsed.data;
	const [byEmail, byIp] = await Promise.all([
		hitRateLimit(rateRules.resetByEmail, email),
		hitRateLimit(rateRules.resetByIp, actor.context.ip ?? 'unknown')
	]);
	if (!byEmail.allowed || !byIp.allowed) return invalid({ _form: 'rate_limited' });
	const auth = await getAuth();
	// The e-mail builds the localized /account/reset-password link from the token (emails.ts).
	await auth.api.requestPasswordReset({ body: { email } });
	return ok({ email });
}
