/** Admin: write a new information page. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { managePages, readPageForm, createPage } from '#lib/server/modules/pages/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { space, module } = await managePages(locals.actor, { spaceId: params.id, moduleId: params.moduleId });
	return { space, module };
};

export const actions = {
	default: async ({ request, locals, params }) => {
		const input = readPageForm(await request.formData());
		const result = await createPage(locals.actor, { moduleId: params.moduleId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(
			303,
			`${localizedPath(`/admin/processes/${params.id}/pages/${params.moduleId}`, locals.locale)}?done=created`
		);
	}
} satisfies Actions;
