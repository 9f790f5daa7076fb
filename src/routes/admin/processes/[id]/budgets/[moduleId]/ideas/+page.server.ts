/** Admin: the commission's queue — ideas waiting for an eligibility decision, then those decided. */
import type { PageServerLoad } from './$types';
import { manageIdeas } from '#lib/server/modules/budgets/index.ts';

export const load: PageServerLoad = async ({ locals, params }) =>
	manageIdeas(locals.actor, { spaceId: params.id, moduleId: params.moduleId });
