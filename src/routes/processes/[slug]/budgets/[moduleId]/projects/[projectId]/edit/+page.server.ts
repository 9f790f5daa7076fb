/** Public: the author edits an idea while the ideas stage lasts. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { readIdeaForm, updateIdea, viewIdeaForm } from '#lib/server/modules/budgets/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) => ({
	slug: params.slug,
	...(await viewIdeaForm(locals.actor, { spaceSlug: params.slug, ...params }))
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const { input, files } = readIdeaForm(await request.formData());
		const result = await updateIdea(locals.actor, params, input, files);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(
			303,
			`${localizedPath(`/processes/${params.slug}/budgets/${params.moduleId}/projects/${params.projectId}`, locals.locale)}?done=saved`
		);
	}
} satisfies Actions;
