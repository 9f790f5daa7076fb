/** Ends the current session (the cookie is cleared by better-auth's SvelteKit plugin inside a request). */
import type { Actor } from '../../actors/actor.ts';
import { ok, type Result } from '../../result.ts';
import { getAuth } from '../auth.ts';

export async function signOut(_actor: Actor, { headers }: { headers: Headers }): Promise<Result<null>> {
	// Anyone may sign out; for an anonymous visitor it simply does nothing.
	const auth = await getAuth();
	await auth.api.signOut({ headers });
	return ok(null);
}
