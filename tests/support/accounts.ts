/** Medium-test helpers for accounts: a cookie jar for better-auth answers, outbox tokens, ready-made citizens. */
import { eq } from 'drizzle-orm';
import { anonymous, type Actor } from '../../src/lib/server/platform/actors/actor.ts';
import { loadActor } from '../../src/lib/server/platform/actors/load-actor.ts';
import { getDb } from '../../src/lib/server/platform/db/index.ts';
import { user } from '../../src/lib/server/platform/db/schema.ts';
import { listOutbox } from '../../src/lib/server/platform/notifications/outbox.ts';
import { signUp } from '../../src/lib/server/platform/auth/commands/sign-up.ts';
import { confirmEmail } from '../../src/lib/server/platform/auth/commands/confirm-email.ts';

/** Keeps cookies the way a browser would: set, replace, and drop the expired ones. */
export class CookieJar {
	private readonly jar = new Map<string, string>();
	take(headers: Headers): this {
		for (const line of headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';');
			const at = pair.indexOf('=');
			const name = pair.slice(0, at).trim();
			const value = pair.slice(at + 1).trim();
			const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
			if (expired) this.jar.delete(name);
			else this.jar.set(name, value);
		}
		return this;
	}
	has(fragment: string): boolean {
		return [...this.jar.keys()].some((k) => k.includes(fragment));
	}
	headers(): Headers {
		return new Headers({ cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') });
	}
	/** Read like SvelteKit's `event.cookies` (values decoded). */
	cookies(): { get(name: string): string | undefined } {
		return { get: (name) => (this.jar.has(name) ? decodeURIComponent(this.jar.get(name)!) : undefined) };
	}
	set(name: string, value: string): this {
		this.jar.set(name, value);
		return this;
	}
}

export const visitor = (ip = '198.51.100.10'): Actor => anonymous({ ip, userAgent: 'vitest' });

/** The newest message for an address, from the development outbox. */
export async function lastMessage(to: string) {
	const [message] = await listOutbox({ to, limit: 1 });
	if (!message) throw new Error(`no message for ${to}`);
	return message;
}

export const tokenIn = (text: string) => {
	const found = text.match(/[?&]token=([^\s&]+)/);
	if (!found) throw new Error(`no token in: ${text}`);
	return decodeURIComponent(found[1]);
};

/** Signs up and confirms through the real link; returns the user id. */
export async function createCitizen(
	email = 'ana@example.ro',
	password = 'a long enough password',
	name = 'Ana Popescu'
): Promise<string> {
	const signedUp = await signUp(visitor(), { name, email, password, locale: 'ro' });
	if (!signedUp.ok) throw new Error(JSON.stringify(signedUp.errors));
	const confirmed = await confirmEmail(visitor(), { token: tokenIn((await lastMessage(email)).text) });
	if (!confirmed.ok) throw new Error(JSON.stringify(confirmed.errors));
	const db = await getDb();
	const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
	return row.id;
}

export async function actorFor(userId: string): Promise<Actor> {
	return loadActor(await getDb(), userId, { ip: '198.51.100.20', userAgent: 'vitest' });
}
