/** Translates a message key (as returned in command errors) in the current locale; unknown keys fall back to a generic text. */
import { m } from '#lib/paraglide/messages.js';

export function messageText(key: string, params: Record<string, unknown> = {}): string {
	const fn = (m as unknown as Record<string, (p: Record<string, unknown>) => string>)[key];
	return typeof fn === 'function' ? fn(params) : m.validation_invalid();
}
