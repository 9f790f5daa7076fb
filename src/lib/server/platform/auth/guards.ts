/** Route guards for account pages: send anonymous visitors to sign in and bring them back afterwards. */
import { redirect } from '@sveltejs/kit';
import { isUser, type Actor, type UserActor } from '../actors/actor.ts';
import { localizedPath } from '../i18n.ts';

/** The signed-in person, or a 303 to the sign-in page with `next` set to the page they asked for. */
export function requireUser(actor: Actor, url: URL, locale: string): UserActor {
	if (isUser(actor)) return actor;
	const next = encodeURIComponent(url.pathname + url.search);
	redirect(303, `${localizedPath('/account/sign-in', locale)}?next=${next}`);
}

/** HTTP status for a failed form: 429 when a rate limit answered, else 400. */
export const failureStatus = (errors: Record<string, string>) => (errors._form === 'rate_limited' ? 429 : 400);
