/** Admin: the funded projects of an edition to track (status, progress, money spent). */
import type { PageServerLoad } from './$types';
import { manageImplementation } from '#lib/server/modules/budgets/index.ts';

export const load: PageServerLoad = async ({ locals, params }) => ({
	locale: locals.locale,
	...(await manageImplementation(locals.actor, { spaceId: params.id, moduleId: params.moduleId }))
});
