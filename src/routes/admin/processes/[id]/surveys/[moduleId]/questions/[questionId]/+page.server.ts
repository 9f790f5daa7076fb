/** Admin: change a question (only its texts once people have answered). */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { manageQuestion, readQuestionForm, updateQuestion } from '#lib/server/modules/surveys/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const view = await manageQuestion(locals.actor, {
		spaceId: params.id,
		moduleId: params.moduleId,
		questionId: params.questionId
	});
	const { space, module, locked, conditionChoices, values, number } = view;
	return { space, module, locked, conditionChoices, values, number };
};

export const actions = {
	default: async ({ request, locals, params }) => {
		const input = readQuestionForm(await request.formData());
		const ids = { moduleId: params.moduleId, questionId: params.questionId };
		const result = await updateQuestion(locals.actor, ids, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(
			303,
			`${localizedPath(`/admin/processes/${params.id}/surveys/${params.moduleId}`, locals.locale)}?done=saved`
		);
	}
} satisfies Actions;
