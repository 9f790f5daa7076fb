/** Public: send a written recommendation on the draft; it goes into the register under the next number. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	readOnlineRecommendationForm,
	submitRecommendation,
	viewConsultation
} from '#lib/server/modules/consultations/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await viewConsultation(locals.actor, {
		spaceSlug: params.slug,
		moduleId: params.moduleId,
		locale: locals.locale
	})),
	number: url.searchParams.get('number')
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const input = readOnlineRecommendationForm(await request.formData());
		const result = await submitRecommendation(locals.actor, { moduleId: params.moduleId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		const path = `/processes/${params.slug}/consultations/${params.moduleId}/recommend`;
		redirect(303, `${localizedPath(path, locals.locale)}?number=${result.value.number}`);
	}
} satisfies Actions;
