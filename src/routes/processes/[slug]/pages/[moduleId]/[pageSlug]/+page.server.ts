/** Public: one information page, its Markdown body rendered and sanitised. */
import type { PageServerLoad } from './$types';
import { viewPage } from '#lib/server/modules/pages/index.ts';

export const load: PageServerLoad = async ({ locals, params }) => ({
	slug: params.slug,
	...(await viewPage(locals.actor, {
		spaceSlug: params.slug,
		moduleId: params.moduleId,
		slug: params.pageSlug,
		locale: locals.locale
	}))
});
