/** Admin: a survey's results with the free-text answers (staff only). */
import type { PageServerLoad } from './$types';
import { viewResults } from '#lib/server/modules/surveys/index.ts';

export const load: PageServerLoad = async ({ locals, params }) =>
	viewResults(locals.actor, { spaceId: params.id, moduleId: params.moduleId, withTexts: true });
