/** Public: the consultations on draft acts open now, soonest deadline first. */
import type { PageServerLoad } from './$types';
import { viewOpenConsultations } from '#lib/server/modules/consultations/index.ts';

export const load: PageServerLoad = async ({ locals }) => ({
	consultations: await viewOpenConsultations(locals.locale)
});
