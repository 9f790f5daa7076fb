/** Public: an edition of participatory budgeting — stage, phases, pots, rules and what one can do now. */
import type { PageServerLoad } from './$types';
import { viewEdition } from '#lib/server/modules/budgets/index.ts';

export const load: PageServerLoad = async ({ locals, params }) => ({
	slug: params.slug,
	...(await viewEdition(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId }))
});
