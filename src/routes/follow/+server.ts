/** Follow / unfollow form target (FollowButton): plain POST, then back to the page it came from. */
import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { isUser } from '#lib/server/platform/actors/actor.ts';
import { safeNext } from '#lib/server/platform/auth/safe-next.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { follow } from '#lib/server/platform/notifications/commands/follow.ts';
import { unfollow } from '#lib/server/platform/notifications/commands/unfollow.ts';

export const POST: RequestHandler = async ({ request, locals }) => {
	const form = await request.formData();
	const returnTo = safeNext(String(form.get('returnTo') ?? '')) ?? localizedPath('/', locals.locale);
	if (!isUser(locals.actor))
		redirect(303, `${localizedPath('/account/sign-in', locals.locale)}?next=${encodeURIComponent(returnTo)}`);
	const resource = {
		resourceType: String(form.get('resourceType') ?? ''),
		resourceId: String(form.get('resourceId') ?? '')
	};
	if (form.get('intent') === 'unfollow') await unfollow(locals.actor, resource);
	else await follow(locals.actor, resource);
	// Back to the button (now showing the new state), so a keyboard or screen-reader user keeps their place.
	redirect(303, `${returnTo.split('#')[0]}#follow-${resource.resourceType}-${resource.resourceId}`);
};
