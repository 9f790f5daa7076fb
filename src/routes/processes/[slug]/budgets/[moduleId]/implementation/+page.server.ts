/** Public: the funded projects of an edition with their implementation progress, as a list and on a map. */
import type { PageServerLoad } from './$types';
import { viewImplementationList } from '#lib/server/modules/budgets/index.ts';

export const load: PageServerLoad = async ({ locals, params }) => ({
	slug: params.slug,
	locale: locals.locale,
	...(await viewImplementationList(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId }))
});
