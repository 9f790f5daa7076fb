/** Public: the meetings of a meetings module, upcoming then past. */
import type { PageServerLoad } from './$types';
import { viewMeetings } from '#lib/server/modules/meetings/index.ts';

export const load: PageServerLoad = async ({ locals, params }) => ({
	slug: params.slug,
	...(await viewMeetings(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId }))
});
