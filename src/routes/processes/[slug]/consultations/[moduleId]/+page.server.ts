/** Public: the announcement of a draft act with its legal dates, debates, and (at the end) the synthesis. */
import type { PageServerLoad } from './$types';
import { viewConsultation } from '#lib/server/modules/consultations/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) =>
	viewConsultation(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId, locale: locals.locale, url });
