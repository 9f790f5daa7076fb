/** Permission decisions: services call authorize(decision) on their first line; denied throws ForbiddenError. */
import { ForbiddenError } from '../result.ts';

export type Decision = { allowed: true } | { allowed: false; reason: string };

export const allow: Decision = { allowed: true };
export const deny = (reason: string): Decision => ({ allowed: false, reason });
export const decide = (condition: boolean, reason: string): Decision => (condition ? allow : deny(reason));

export function authorize(decision: Decision): void {
	if (!decision.allowed) throw new ForbiddenError(decision.reason);
}
