/** Admin: a survey's questionnaire — introduction, questions in order (move, delete), links to results and export. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { deleteQuestion, manageSurvey, moveQuestion, updateSurvey } from '#lib/server/modules/surveys/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { readTranslated } from '#lib/server/platform/spaces/forms.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await manageSurvey(locals.actor, { spaceId: params.id, moduleId: params.moduleId })),
	notice: url.searchParams.get('done')
});

const back = (params: { id: string; moduleId: string }, locale: string, done: string) =>
	`${localizedPath(`/admin/processes/${params.id}/surveys/${params.moduleId}`, locale)}?done=${done}`;

export const actions = {
	describe: async ({ request, locals, params }) => {
		const description = readTranslated(await request.formData(), 'description') as { ro: string };
		const result = await updateSurvey(locals.actor, { moduleId: params.moduleId }, { description });
		if (!result.ok) return fail(400, { errors: result.errors, values: { description } });
		redirect(303, back(params, locals.locale, 'saved'));
	},
	move: async ({ request, locals, params }) => {
		const form = await request.formData();
		const direction = form.get('direction') === 'up' ? 'up' : 'down';
		const questionId = String(form.get('questionId'));
		const result = await moveQuestion(locals.actor, { moduleId: params.moduleId, questionId, direction });
		if (!result.ok) return fail(400, { errors: result.errors });
		redirect(303, back(params, locals.locale, 'moved'));
	},
	delete: async ({ request, locals, params }) => {
		const questionId = String((await request.formData()).get('questionId'));
		const result = await deleteQuestion(locals.actor, { moduleId: params.moduleId, questionId });
		if (!result.ok) return fail(400, { errors: result.errors });
		redirect(303, back(params, locals.locale, 'deleted'));
	}
} satisfies Actions;
