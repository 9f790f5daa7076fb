/** Public: the projects of an edition, filtered by pot, category and state, as a list or on a map. */
import type { PageServerLoad } from './$types';
import { readProjectQuery, viewProjects } from '#lib/server/modules/budgets/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	slug: params.slug,
	...(await viewProjects(locals.actor, {
		spaceSlug: params.slug,
		moduleId: params.moduleId,
		query: readProjectQuery(url.searchParams)
	}))
});
