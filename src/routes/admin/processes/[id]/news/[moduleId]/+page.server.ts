/** Admin: the announcements of a news module with their state (draft, scheduled, published). */
import type { PageServerLoad } from './$types';
import { manageNews } from '#lib/server/modules/news/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await manageNews(locals.actor, { spaceId: params.id, moduleId: params.moduleId })),
	notice: url.searchParams.get('done')
});
