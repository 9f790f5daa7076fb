/** Root layout data: the signed-in person's safe fields and the locale. */
import type { LayoutServerLoad } from './$types';
import { needsTwoFactor, isUser } from '#lib/server/platform/actors/actor.ts';
import { myUnreadCount } from '#lib/server/platform/notifications/queries.ts';

export const load: LayoutServerLoad = async ({ locals, request }) => {
	const a = locals.actor;
	return {
		locale: locals.locale,
		me: isUser(a)
			? {
					id: a.id,
					name: a.name,
					isStaff: a.roles.length > 0,
					needsTwoFactor: needsTwoFactor(a),
					// Read with the session (hooks); after a form action (which may have read notifications) read again.
					unreadNotifications: request.method === 'GET' ? locals.unreadNotifications : await myUnreadCount(a)
				}
			: null
	};
};
