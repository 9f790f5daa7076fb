/** The moderation queue for space moderators who have no platform role (the admin area is closed to them). */
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { isUser } from '#lib/server/platform/actors/actor.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { viewModerationQueue } from '#lib/server/platform/comments/index.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!isUser(locals.actor))
		redirect(
			303,
			`${localizedPath('/account/sign-in', locals.locale)}?next=${encodeURIComponent(url.pathname + url.search)}`
		);
	return viewModerationQueue(locals.actor, {
		spaceId: url.searchParams.get('space') || null,
		page: Number(url.searchParams.get('page')) || 1
	});
};
