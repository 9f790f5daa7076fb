/** Who a request comes from: better-auth's session (possibly from its cookie cache), checked against the session row. */
import { anonymous, type Actor, type RequestContext } from '../actors/actor.ts';
import { loadActor } from '../actors/load-actor.ts';
import { getDb } from '../db/index.ts';
import { getAuth } from './auth.ts';

export async function actorFromSession(
	headers: Headers,
	context: RequestContext = {}
): Promise<{ actor: Actor; sessionId: string | null }> {
	const auth = await getAuth();
	const found = await auth.api.getSession({ headers });
	if (!found) return { actor: anonymous(context), sessionId: null };
	// getSession may have answered from its signed cookie (auth.ts: cookieCache) without reading the database, so
	// loadActor's single statement also requires the session row: sign-out and revocation take effect at once.
	const actor = await loadActor(await getDb(), found.user.id, context, { sessionId: found.session.id });
	return { actor, sessionId: actor.kind === 'user' ? found.session.id : null };
}
