/** Public: an edition's results per pot, the published ballots files with digests and re-count commands, turnout. */
import type { PageServerLoad } from './$types';
import { viewResults } from '#lib/server/modules/budgets/index.ts';

export const load: PageServerLoad = async ({ locals, params }) => ({
	locale: locals.locale,
	...(await viewResults(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId, locale: locals.locale }))
});
