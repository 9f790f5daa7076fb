/** Lets a module action require a verification level (e.g. residence to vote in a budget). */
import { isUser, isVerified, type Actor, type VerificationKind } from '../actors/actor.ts';
import { allow, deny, type Decision } from './index.ts';

/** Allowed when the actor holds an active verification of `kind` (e-mail counts once confirmed). */
export function requireVerification(actor: Actor, kind: VerificationKind): Decision {
	if (actor.kind === 'system') return allow;
	if (!isUser(actor)) return deny('sign_in_required');
	return isVerified(actor, kind) ? allow : deny(`verification_required:${kind}`);
}

/** Allowed when the actor holds every listed verification. */
export function requireVerifications(actor: Actor, kinds: readonly VerificationKind[]): Decision {
	for (const kind of kinds) {
		const decision = requireVerification(actor, kind);
		if (!decision.allowed) return decision;
	}
	return allow;
}
