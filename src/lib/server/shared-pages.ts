/**
 * Pages served shared to signed-in visitors (ADR 0007): the process page and the proposal list are rendered once for
 * every signed-in visitor alike (page cache, `signed-in` key), and this person's parts — the header's person and the
 * route's parts (`personal-parts.ts`) — travel with the page as JSON that the browser applies after hydration. Only
 * for a browser that runs our JavaScript (the `vocea_js` cookie); otherwise, or with `?personal`, the page is rendered
 * for the person as before.
 */
import type { RequestEvent } from '@sveltejs/kit';
import type { ResolveOptions } from '@sveltejs/kit/hooks';
import { FULL_PAGE_PARAM, JS_COOKIE, PERSONAL_SCRIPT_ID } from '#lib/personal.ts';
import { anonymous } from './platform/actors/actor.ts';
import { hasSessionCookie } from './platform/auth/session-actor.ts';
import { config } from './platform/config/env.ts';
import { sharedData, withSharedData } from './platform/http/shared-data.ts';
import { headerPerson, personalParts, type SharedPlan } from './personal-parts.ts';

type Resolve = (event: RequestEvent, opts?: ResolveOptions) => Promise<Response>;

/**
 * The plan of a page this request may get shared (before the session is read: its personal value is read with it),
 * or undefined. A page that is not the same for everyone (its plan fails) is rendered for the person.
 */
export async function sharedPlan(event: RequestEvent): Promise<SharedPlan | undefined> {
	const part = event.route.id ? personalParts[event.route.id] : undefined;
	if (!part || event.request.method !== 'GET' || event.isDataRequest) return undefined;
	if (event.cookies.get(JS_COOKIE) === undefined || !hasSessionCookie(event.cookies)) return undefined;
	if (event.url.searchParams.has(FULL_PAGE_PARAM) || !part.shareable(event.url)) return undefined;
	// A plan is the same for everyone on one address: kept with the shared data.
	const key = `shared-plan:${event.url.pathname}${event.url.search}`;
	return withSharedData(config.pageCacheSeconds(), () =>
		sharedData(key, () => part.plan(event.params as Record<string, string>, event.url))
	).catch(() => undefined);
}

/** Answers with the shared page and this person's parts attached (the session read, with `read`, by the hooks). */
export async function serveShared(
	event: RequestEvent,
	resolve: Resolve,
	plan: SharedPlan,
	read: unknown
): Promise<Response> {
	const { locals } = event;
	const person = { actor: locals.actor, sessionId: locals.sessionId, unread: locals.unreadNotifications };
	const parts = withSharedData(config.pageCacheSeconds(), () => plan.parts(person.actor, read)).catch(() => null);
	// Rendered for nobody in particular; the request's context (address, browser) stays for anything it records.
	locals.actor = anonymous(person.actor.context);
	locals.sessionId = null;
	locals.unreadNotifications = 0;
	locals.personalDeferred = true;
	const [response, page] = await Promise.all([resolve(event), parts]);
	if (response.status === 200 && page && (response.headers.get('content-type') ?? '').startsWith('text/html')) {
		// From the page cache: its bytes (the response has no body); with the cache off: the rendered response's.
		const body = locals.sharedPage?.body ?? new Uint8Array(await response.arrayBuffer());
		return attachPersonalParts(body, response.headers, { me: headerPerson(person.actor, person.unread), page });
	}
	if (response.status < 400 && page) return response;
	// Should the shared render or the parts fail after all: render it for the person.
	locals.actor = person.actor;
	locals.sessionId = person.sessionId;
	locals.unreadNotifications = person.unread;
	locals.personalDeferred = false;
	locals.sharedPage = undefined;
	return resolve(event);
}

const BODY_END = Buffer.from('</body>');

/** The page with `parts` as inline JSON before `</body>`, private to this person (never cached anywhere). */
export function attachPersonalParts(body: Uint8Array, sharedHeaders: Headers, parts: unknown): Response {
	// `<` escaped, so no `</script>` inside can end the element early.
	const json = JSON.stringify(parts).replace(/</g, '\\u003c');
	const script = Buffer.from(`<script type="application/json" id="${PERSONAL_SCRIPT_ID}">${json}</script>`);
	const at = Buffer.from(body.buffer, body.byteOffset, body.byteLength).lastIndexOf(BODY_END);
	const out = new Uint8Array(body.byteLength + script.byteLength);
	const cut = at < 0 ? body.byteLength : at;
	out.set(body.subarray(0, cut), 0);
	out.set(script, cut);
	out.set(body.subarray(cut), cut + script.byteLength);
	const headers = new Headers(sharedHeaders);
	headers.set('cache-control', 'private, no-store');
	headers.delete('etag');
	headers.delete('content-length');
	return new Response(out, { status: 200, headers });
}
