/** The rejected-ballot report: every paper ballot not counted, with its reason, desk and who entered it. */
import type { PageServerLoad } from './$types';
import { viewRejectedBallots } from '#lib/server/modules/budgets/index.ts';

export const load: PageServerLoad = async ({ locals, params }) =>
	viewRejectedBallots(locals.actor, { spaceId: params.id, moduleId: params.moduleId });
