/** Per-desk reconciliation: paper voters on the roll vs paper ballots entered, assisted votes, ballot-box rows. */
import type { PageServerLoad } from './$types';
import { viewReconciliation } from '#lib/server/modules/budgets/index.ts';

export const load: PageServerLoad = async ({ locals, params }) =>
	viewReconciliation(locals.actor, { spaceId: params.id, moduleId: params.moduleId });
