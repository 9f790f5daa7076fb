/**
 * Who a request comes from: the session cookie's signature is checked here (HMAC-SHA256 with the auth secret, as
 * better-auth signs it) and the session row, its user and everything the actor needs are read in ONE statement
 * (loadSessionActor). better-auth's own `getSession` (an internal context, WebCrypto and two queries per call) runs
 * only when the session is due for renewal, so it extends the session and resends the cookie exactly as before.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { anonymous, type Actor, type RequestContext } from '../actors/actor.ts';
import { loadSessionActor } from '../actors/load-actor.ts';
import { authSecret } from '../config/env.ts';
import { getDb } from '../db/index.ts';
import { getAuth, SESSION_EXPIRES_IN, SESSION_UPDATE_AGE } from './auth.ts';

/** better-auth's cookie name with our prefix (auth.ts: cookiePrefix), with `__Secure-` on https sites. */
const cookieNames = ['vocea.session_token', '__Secure-vocea.session_token'];

let secret: string | undefined;
/** The auth secret, read once (authSecret() may read a file). */
const sessionSecret = () => (secret ??= authSecret());

/** The session token of a signed cookie value (`token.base64(hmac)`), or null when absent or not signed by us. */
export function verifiedSessionToken(value: string | undefined, key: string = sessionSecret()): string | null {
	if (!value) return null;
	const dot = value.lastIndexOf('.');
	if (dot < 1) return null;
	const token = value.slice(0, dot);
	const given = Buffer.from(value.slice(dot + 1), 'base64');
	const expected = createHmac('sha256', key).update(token).digest();
	return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

/** Whether the request carries a session cookie at all (its signature and session are checked when it is read). */
export const hasSessionCookie = (cookies: { get(name: string): string | undefined }) =>
	cookieNames.some((n) => cookies.get(n) !== undefined);

/** better-auth renews a session once a day of its lifetime has passed (auth.ts: expiresIn, updateAge). */
export const dueForRenewal = (expiresAt: Date, now = Date.now()) =>
	expiresAt.getTime() - SESSION_EXPIRES_IN * 1000 + SESSION_UPDATE_AGE * 1000 <= now;

export async function actorFromSession(
	cookies: { get(name: string): string | undefined },
	headers: Headers,
	context: RequestContext = {},
	/** A personal value to read in the same statement (loadSessionActor). */
	extra?: Parameters<typeof loadSessionActor>[3]
): Promise<{
	actor: Actor;
	sessionId: string | null;
	unreadNotifications: number;
	renewed: boolean;
	extra: unknown;
}> {
	const token = cookieNames.map((n) => verifiedSessionToken(cookies.get(n))).find((t) => t !== null);
	const nobody = {
		actor: anonymous(context),
		sessionId: null,
		unreadNotifications: 0,
		renewed: false,
		extra: undefined
	};
	if (!token) return nobody;
	const found = await loadSessionActor(await getDb(), token, context, extra);
	if (!found) return nobody;
	// Renewing resends the session cookie with this response.
	const renewed = dueForRenewal(found.expiresAt);
	if (renewed) await (await getAuth()).api.getSession({ headers });
	const { actor, sessionId, unreadNotifications } = found;
	return { actor, sessionId, unreadNotifications, renewed, extra: found.extra };
}
