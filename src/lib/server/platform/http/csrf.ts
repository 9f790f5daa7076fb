/**
 * SvelteKit's cross-site form check, done in a hook instead of by Kit itself (`csrf.trustedOrigins: ['*']` in
 * vite.config.ts turns Kit's off): a form POST/PUT/PATCH/DELETE whose Origin is not the site's is refused with 403,
 * as before — except under the machine APIs listed here (Open311 clients such as FixMyStreet and the npm `open311`
 * package post url-encoded forms with no Origin header at all; they authenticate with an API key, not a cookie).
 */
import type { Handle } from '@sveltejs/kit/hooks';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether Kit's own rule would refuse this request (same conditions as `is_csrf_forbidden`). */
export function crossSiteForm(request: Request, selfOrigin: string): boolean {
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase();
	return (
		MUTATING.has(request.method) && (!type || FORM_TYPES.includes(type)) && request.headers.get('origin') !== selfOrigin
	);
}

export function csrfHandle(exemptPrefixes: readonly string[]): Handle {
	return ({ event, resolve }) => {
		const exempt = exemptPrefixes.some((p) => event.url.pathname.startsWith(p));
		if (!exempt && crossSiteForm(event.request, event.url.origin)) {
			const message = `Cross-site ${event.request.method} form submissions are forbidden`;
			return event.request.headers.get('accept') === 'application/json'
				? Response.json({ message }, { status: 403 })
				: new Response(message, { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
		}
		return resolve(event);
	};
}
