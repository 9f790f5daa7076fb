/** Public: the information pages of a pages module, as a list. */
import type { PageServerLoad } from './$types';
import { viewPages } from '#lib/server/modules/pages/index.ts';

export const load: PageServerLoad = async ({ locals, params }) => ({
	slug: params.slug,
	...(await viewPages(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId }))
});
