/** Sends a new confirmation link, answering the same whether or not the address has an unconfirmed account. */
import { z } from 'zod';
import type { Actor } from '../../actors/actor.ts';
import { decide, authorize } from '../../permissions/index.ts';
import { hitRateLimit, type RateRule } from '../../http/rate-limit.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { getAuth } from '../auth.ts';
import { emailField } from '../schemas.ts';

export const resendRules = {
	byEmail: { name: 'confirm-resend:email', limit: 3, windowSeconds: 60 * 60 },
	byIp: { name: 'confirm-resend:ip', limit: 20, windowSeconds: 60 * 60 }
} satisfies Record<string, RateRule>;

const resendInput = z.object({ email: emailField });

export async function resendConfirmation(
	actor: Actor,
	input: Record<string, unknown>
): Promise<Result<{ email: string }>> {
	authorize(decide(actor.kind !== 'system', 'system_actor'));
	const parsed = resendInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { email } = parsed.data;
	const [byEmail, byIp] = await Promise.all([
		hitRateLimit(resendRules.byEmail, email),
		hitRateLimit(resendRules.byIp, actor.context.ip ?? 'unknown')
	]);
	if (!byEmail.allowed || !byIp.allowed) return invalid({ _form: 'rate_limited' });
	const auth = await getAuth();
	// Without session headers better-auth takes its anonymous path: same answer (and a time floor) for every address.
	await auth.api.sendVerificationEmail({ body: { email } });
	return ok({ email });
}
