import type { Actor } from '#lib/server/platform/actors/actor.ts';

declare global {
	namespace App {
		interface Error {
			status: number;
			message: string;
			/** Logged with the error, shown to the person so support can find it. */
			errorId?: string;
		}
		interface Locals {
			actor: Actor;
			/** better-auth session id, when signed in */
			sessionId: string | null;
			/** The signed-in person's unread notifications when the request began (read with the session). */
			unreadNotifications: number;
			/** This signed-in visitor gets the page rendered for every signed-in visitor alike; the personal parts are
			 *  read after hydration (ADR 0007, hooks.server.ts). The session is then not read for this request. */
			personalDeferred: boolean;
			/** With `personalDeferred`: the shared page's bytes, left by the page cache for shared-pages.ts to complete
			 *  (its response then has no body), so that they are not copied through a Response once more. */
			sharedPage?: { body: Uint8Array };
			/** Set by a write that changes nothing the shared caches hold (a secret ballot): this process's page and
			 *  shared data caches are then kept, not emptied as after other writes (http/page-cache.ts). */
			sharedUnchanged?: boolean;
			locale: import('#lib/i18n/index.ts').Locale;
			requestId: string;
		}
	}
}

export {};
