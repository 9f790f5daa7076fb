/** Admin: add a question to a survey (before the first response). */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { addQuestion, manageSurvey, readQuestionForm } from '#lib/server/modules/surveys/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { space, module, locked, conditionChoices } = await manageSurvey(locals.actor, {
		spaceId: params.id,
		moduleId: params.moduleId
	});
	return { space, module, locked, conditionChoices };
};

export const actions = {
	default: async ({ request, locals, params }) => {
		const input = readQuestionForm(await request.formData());
		const result = await addQuestion(locals.actor, { moduleId: params.moduleId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(
			303,
			`${localizedPath(`/admin/processes/${params.id}/surveys/${params.moduleId}`, locals.locale)}?done=created`
		);
	}
} satisfies Actions;
