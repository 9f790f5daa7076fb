/** Root layout data: the signed-in person's safe fields and the locale (or, on a page served shared, neither person). */
import type { LayoutServerLoad } from './$types';
import { myUnreadCount } from '#lib/server/platform/notifications/queries.ts';
import { headerPerson } from '#lib/server/personal-parts.ts';

export const load: LayoutServerLoad = async ({ locals, request }) => {
	const a = locals.actor;
	return {
		locale: locals.locale,
		// The page was served shared (ADR 0007): the header's person is read after hydration.
		deferred: locals.personalDeferred,
		// Read with the session (hooks); after a form action (which may have read notifications) read again.
		me: headerPerson(a, request.method === 'GET' ? locals.unreadNotifications : await myUnreadCount(a))
	};
};
