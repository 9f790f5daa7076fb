/** Public: aggregated results of a survey, when the survey's settings make them public (staff always). */
import type { PageServerLoad } from './$types';
import { viewResults } from '#lib/server/modules/surveys/index.ts';

export const load: PageServerLoad = async ({ locals, params }) =>
	viewResults(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId });
