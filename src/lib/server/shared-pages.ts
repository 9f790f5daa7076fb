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
import { anonymous, isUser } from './platform/actors/actor.ts';
import { config } from './platform/config/env.ts';
import { withSharedData } from './platform/http/shared-data.ts';
import { headerPerson, personalParts, type PersonalPart } from './personal-parts.ts';

type Resolve = (event: RequestEvent, opts?: ResolveOptions) => Promise<Response>;

/** The route's personal parts when this request may get the shared page (the session already read, not renewed). */
export function sharedPart(event: RequestEvent): PersonalPart | undefined {
	const part = event.route.id ? personalParts[event.route.id] : undefined;
	if (!part || !isUser(event.locals.actor)) return undefined;
	if (event.request.method !== 'GET' || event.isDataRequest) return undefined;
	if (event.cookies.get(JS_COOKIE) === undefined || event.url.searchParams.has(FULL_PAGE_PARAM)) return undefined;
	return part.shareable(event.url) ? part : undefined;
}

/** Answers with the shared page and this person's parts attached; renders for the person if the page is not shared. */
export async function serveShared(event: RequestEvent, resolve: Resolve, part: PersonalPart): Promise<Response> {
	const { locals } = event;
	const person = { actor: locals.actor, sessionId: locals.sessionId, unread: locals.unreadNotifications };
	const readParts = withSharedData(config.pageCacheSeconds(), () =>
		part.read(person.actor, event.params as Record<string, string>, event.url)
	).catch(() => null);
	locals.actor = anonymous({ ip: event.getClientAddress(), userAgent: event.request.headers.get('user-agent') });
	locals.sessionId = null;
	locals.unreadNotifications = 0;
	locals.personalDeferred = true;
	const [response, page] = await Promise.all([resolve(event), readParts]);
	if (response.status === 200 && page && (response.headers.get('content-type') ?? '').startsWith('text/html'))
		return attachPersonalParts(response, { me: headerPerson(person.actor, person.unread), page });
	if (response.status < 400 && page) return response;
	// Not for everyone (a draft process its staff preview, say): render it for the person.
	locals.actor = person.actor;
	locals.sessionId = person.sessionId;
	locals.unreadNotifications = person.unread;
	locals.personalDeferred = false;
	return resolve(event);
}

const BODY_END = Buffer.from('</body>');

/** The page with `parts` as inline JSON before `</body>`, private to this person (never cached anywhere). */
export async function attachPersonalParts(response: Response, parts: unknown): Promise<Response> {
	const body = Buffer.from(await response.arrayBuffer());
	// `<` escaped, so no `</script>` inside can end the element early.
	const json = JSON.stringify(parts).replace(/</g, '\\u003c');
	const script = Buffer.from(`<script type="application/json" id="${PERSONAL_SCRIPT_ID}">${json}</script>`);
	const at = body.lastIndexOf(BODY_END);
	const out = at < 0 ? Buffer.concat([body, script]) : Buffer.concat([body.subarray(0, at), script, body.subarray(at)]);
	const headers = new Headers(response.headers);
	headers.set('cache-control', 'private, no-store');
	headers.delete('etag');
	headers.delete('content-length');
	return new Response(new Uint8Array(out), { status: response.status, headers });
}
