/** Public: a process's announcements, pinned first then newest, a page at a time (`?page=2`). */
import type { PageServerLoad } from './$types';
import { viewNewsList } from '#lib/server/modules/news/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	slug: params.slug,
	...(await viewNewsList(locals.actor, {
		spaceSlug: params.slug,
		moduleId: params.moduleId,
		page: Number(url.searchParams.get('page') ?? 1),
		locale: locals.locale
	}))
});
