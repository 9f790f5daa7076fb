/** Admin: the evaluation list — projects per department, with the author's and the city's cost. */
import type { PageServerLoad } from './$types';
import { manageEvaluations } from '#lib/server/modules/budgets/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) =>
	manageEvaluations(locals.actor, {
		spaceId: params.id,
		moduleId: params.moduleId,
		department: url.searchParams.get('department') || undefined
	});
