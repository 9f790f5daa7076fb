/** The moderation queue: reported and hidden comments of the spaces the person moderates, filterable by space. */
import type { PageServerLoad } from './$types';
import { viewModerationQueue } from '#lib/server/platform/comments/index.ts';

export const load: PageServerLoad = async ({ locals, url }) =>
	viewModerationQueue(locals.actor, {
		spaceId: url.searchParams.get('space') || null,
		page: Number(url.searchParams.get('page')) || 1
	});
