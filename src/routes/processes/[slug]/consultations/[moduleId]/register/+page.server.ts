/** Public: the register of recommendations (everything except private contact data). */
import type { PageServerLoad } from './$types';
import { viewRegister } from '#lib/server/modules/consultations/index.ts';

export const load: PageServerLoad = async ({ locals, params }) =>
	viewRegister(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId });
