/** Server hooks: request id, locale, session → actor, security headers; errors are logged with an id. */
import { randomUUID } from 'node:crypto';
import { sequence, type Handle, type HandleServerError } from '@sveltejs/kit/hooks';
import { getRequestEvent } from '$app/server';
import { building } from '$app/env';
import { sveltekitCookies } from 'better-auth/svelte-kit';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { langTag, locales } from '#lib/i18n/index.ts';
import { configureAuthPlugins } from '#lib/server/platform/auth/auth.ts';
import { actorFromSession } from '#lib/server/platform/auth/session-actor.ts';
import { anonymous, hasAnyRole, isUser } from '#lib/server/platform/actors/actor.ts';
import { logger } from '#lib/server/platform/log.ts';
import { ForbiddenError, NotFoundError } from '#lib/server/platform/result.ts';
import { startPlatform } from '#lib/server/platform/lifecycle.ts';
import { registerAppJobs } from '#lib/server/jobs.ts';
import { securityHeaders } from '#lib/server/platform/http/security-headers.ts';
import { observeRequest } from '#lib/server/platform/http/metrics.ts';
import { pageCacheHandle } from '#lib/server/platform/http/page-cache.ts';
import { csrfHandle } from '#lib/server/platform/http/csrf.ts';
import { serveShared, sharedPlan } from '#lib/server/shared-pages.ts';

if (!building) {
	configureAuthPlugins([sveltekitCookies(getRequestEvent)]);
	void startPlatform({ registerJobs: registerAppJobs });
}

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ locale }) => {
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', langTag(locale))
		});
	});

const handleSession: Handle = async ({ event, resolve }) => {
	const context = {
		ip: event.getClientAddress(),
		userAgent: event.request.headers.get('user-agent')
	};
	event.locals.requestId = randomUUID();
	event.locals.actor = anonymous(context);
	event.locals.sessionId = null;
	event.locals.unreadNotifications = 0;
	event.locals.personalDeferred = false;
	// Health and metrics must answer even when the database is down.
	if (event.url.pathname === '/healthz' || event.url.pathname === '/metrics') return resolve(event);
	// A browser running our JavaScript gets some pages shared, with its person's parts attached (shared-pages.ts); the
	// one personal value such a page needs is read in the session's statement.
	const plan = await sharedPlan(event);
	const { actor, sessionId, unreadNotifications, renewed, extra } = await actorFromSession(
		event.cookies,
		event.request.headers,
		context,
		plan?.extra
	);
	event.locals.actor = actor;
	event.locals.sessionId = sessionId;
	event.locals.unreadNotifications = unreadNotifications;
	// Not when the session was just renewed (that cookie goes out with a page rendered for the person), nor for staff,
	// who may see more than citizens on these pages (unpublished modules): they are few.
	return plan && isUser(actor) && !renewed && !hasAnyRole(actor)
		? serveShared(event, resolve, plan, extra)
		: resolve(event);
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const response = await resolve(event);
	for (const [k, v] of Object.entries(securityHeaders(event.url))) {
		if (!response.headers.has(k)) response.headers.set(k, v);
	}
	observeRequest(event.route.id ?? 'unmatched', event.request.method, response.status, performance.now() - started);
	return response;
};

// Anonymous pages come from the page cache (no database work: without a session cookie none is read), and so does the
// page shared by signed-in visitors (page-cache.ts, shared-pages.ts).
const handlePageCache: Handle = pageCacheHandle({ locales });

// Kit's own cross-site form check is off (vite.config.ts) so that Open311 clients, which send no Origin, can post.
const handleCsrf: Handle = csrfHandle(['/open311/']);

export const handle = sequence(handleHeaders, handleCsrf, handleLocale, handleSession, handlePageCache);

export const handleError: HandleServerError = ({ error, event, kind }) => {
	if (kind === 'unknown' && error instanceof ForbiddenError) return { status: 403, message: 'forbidden' };
	if (kind === 'unknown' && error instanceof NotFoundError) return { status: 404, message: 'not_found' };
	if (kind !== 'unknown') return;
	const errorId = event.locals.requestId ?? randomUUID();
	logger().error({ err: error, errorId, path: event.url.pathname, method: event.request.method }, 'unexpected error');
	return { status: 500, message: 'error', errorId };
};
