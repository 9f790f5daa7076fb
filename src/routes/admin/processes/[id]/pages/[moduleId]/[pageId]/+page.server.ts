/** Admin: edit or delete an information page. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { managePage, readPageForm, updatePage, deletePage } from '#lib/server/modules/pages/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { space, module, page } = await managePage(locals.actor, { spaceId: params.id, ...params });
	return { space, module, page };
};

const list = (locals: App.Locals, params: { id: string; moduleId: string }, done: string) =>
	redirect(
		303,
		`${localizedPath(`/admin/processes/${params.id}/pages/${params.moduleId}`, locals.locale)}?done=${done}`
	);

export const actions = {
	save: async ({ request, locals, params }) => {
		const input = readPageForm(await request.formData());
		const result = await updatePage(locals.actor, params, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		list(locals, params, 'saved');
	},
	delete: async ({ locals, params }) => {
		await deletePage(locals.actor, params);
		list(locals, params, 'deleted');
	}
} satisfies Actions;
