/** Admin: the meetings of a meetings module, drafts included. */
import type { PageServerLoad } from './$types';
import { manageMeetings } from '#lib/server/modules/meetings/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await manageMeetings(locals.actor, { spaceId: params.id, moduleId: params.moduleId })),
	notice: url.searchParams.get('done')
});
