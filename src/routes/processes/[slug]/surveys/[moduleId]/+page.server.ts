/** Public: a survey's questionnaire; a signed-in person answers it, and changes the answers while it is open. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { answerSurvey, readAnswersForm, viewSurvey } from '#lib/server/modules/surveys/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await viewSurvey(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId })),
	signInHref: `${localizedPath('/account/sign-in', locals.locale)}?next=${encodeURIComponent(url.pathname)}`
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const fields = readAnswersForm(await request.formData());
		const result = await answerSurvey(locals.actor, { moduleId: params.moduleId }, fields);
		if (!result.ok) return fail(400, { errors: result.errors, values: fields });
		const done = localizedPath(`/processes/${params.slug}/surveys/${params.moduleId}/thanks`, locals.locale);
		redirect(
			303,
			`${done}?ref=${result.value.id.slice(0, 8).toUpperCase()}${result.value.created ? '' : '&updated=1'}`
		);
	}
} satisfies Actions;
