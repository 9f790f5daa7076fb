/** Admin: the proposals of a module to answer (staff) or evaluate (evaluators see those assigned to them). */
import type { PageServerLoad } from './$types';
import { manageProposals, readListQuery } from '#lib/server/modules/proposals/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) =>
	manageProposals(locals.actor, {
		spaceId: params.id,
		moduleId: params.moduleId,
		query: readListQuery(url.searchParams)
	});
