/** Public: one funded project's implementation — status, progress, money, timeline with photos, and its chain. */
import type { PageServerLoad } from './$types';
import { viewProjectImplementation } from '#lib/server/modules/budgets/index.ts';

export const load: PageServerLoad = async ({ locals, params }) => ({
	locale: locals.locale,
	...(await viewProjectImplementation(locals.actor, { spaceSlug: params.slug, ...params }))
});
