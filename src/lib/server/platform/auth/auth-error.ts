/** Reads the error code out of a better-auth APIError (e.g. 'INVALID_EMAIL_OR_PASSWORD'); null for anything else. */
export function authErrorCode(error: unknown): string | null {
	if (typeof error !== 'object' || error === null || !('body' in error)) return null;
	const body = (error as { body?: unknown }).body;
	if (typeof body !== 'object' || body === null || !('code' in body)) return null;
	const code = (body as { code?: unknown }).code;
	return typeof code === 'string' ? code : null;
}
