/** Public: a verified association or authority requests a public debate on the draft, in writing. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	readDebateRequestForm,
	requestPublicDebate,
	viewConsultation
} from '#lib/server/modules/consultations/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await viewConsultation(locals.actor, {
		spaceSlug: params.slug,
		moduleId: params.moduleId,
		locale: locals.locale
	})),
	done: url.searchParams.has('done')
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const input = readDebateRequestForm(await request.formData());
		const result = await requestPublicDebate(locals.actor, { moduleId: params.moduleId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		const path = `/processes/${params.slug}/consultations/${params.moduleId}/debate`;
		redirect(303, `${localizedPath(path, locals.locale)}?done=1`);
	}
} satisfies Actions;
