/** Expected outcomes are values: a command returns ok(value) or invalid(errors); bugs are exceptions. */
import type { ZodError } from 'zod';

/** Field name → message key (a Paraglide message id, translated by the page). `_form` is for the whole form. */
export type FieldErrors = Record<string, string>;

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export function invalid(errors: FieldErrors | ZodError): { ok: false; errors: FieldErrors } {
	if ('issues' in errors && Array.isArray(errors.issues)) {
		const out: FieldErrors = {};
		for (const issue of errors.issues) {
			const field = issue.path.length ? String(issue.path[0]) : '_form';
			// Schemas carry message keys as their messages (e.g. z.string().min(1, 'validation_required')).
			out[field] ??=
				issue.message.startsWith('validation_') || /^[a-z]+_[a-z0-9_]+$/.test(issue.message)
					? issue.message
					: 'validation_invalid';
		}
		return { ok: false, errors: out };
	}
	return { ok: false, errors: errors as FieldErrors };
}

/** Thrown when an actor may not do something; routes answer 403 (hooks map it). */
export class ForbiddenError extends Error {
	readonly status = 403;
	readonly reason: string;
	constructor(reason = 'forbidden') {
		super(`Forbidden: ${reason}`);
		this.reason = reason;
	}
}

/** Thrown when a record does not exist (or is not visible to the actor); routes answer 404. */
export class NotFoundError extends Error {
	readonly status = 404;
	readonly what: string;
	constructor(what = 'record') {
		super(`Not found: ${what}`);
		this.what = what;
	}
}
