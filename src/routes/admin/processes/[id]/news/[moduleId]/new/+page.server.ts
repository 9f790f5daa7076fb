/** Admin: write an announcement (publish now, schedule it, or keep it as a draft). */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { createNewsPost, manageNews, readNewsForm } from '#lib/server/modules/news/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { space, module } = await manageNews(locals.actor, { spaceId: params.id, moduleId: params.moduleId });
	return { space, module };
};

export const actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const input = readNewsForm(form);
		const image = form.get('image');
		const result = await createNewsPost(locals.actor, { moduleId: params.moduleId }, input, {
			image: image instanceof File ? image : null
		});
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(
			303,
			`${localizedPath(`/admin/processes/${params.id}/news/${params.moduleId}`, locals.locale)}?done=created`
		);
	}
} satisfies Actions;
