/** Admin: edit or delete an announcement. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { deleteNewsPost, manageNewsPost, readNewsForm, updateNewsPost } from '#lib/server/modules/news/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) =>
	manageNewsPost(locals.actor, { spaceId: params.id, moduleId: params.moduleId, postId: params.postId });

const list = (locals: App.Locals, params: { id: string; moduleId: string }, done: string) =>
	redirect(
		303,
		`${localizedPath(`/admin/processes/${params.id}/news/${params.moduleId}`, locals.locale)}?done=${done}`
	);

export const actions = {
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const input = readNewsForm(form);
		const image = form.get('image');
		const result = await updateNewsPost(locals.actor, params, input, {
			image: image instanceof File ? image : null,
			removeImage: form.get('removeImage') === 'on'
		});
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		list(locals, params, 'saved');
	},
	delete: async ({ locals, params }) => {
		await deleteNewsPost(locals.actor, params);
		list(locals, params, 'deleted');
	}
} satisfies Actions;
