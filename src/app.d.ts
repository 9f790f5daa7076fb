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
			locale: import('#lib/i18n/index.ts').Locale;
			requestId: string;
		}
	}
}

export {};
