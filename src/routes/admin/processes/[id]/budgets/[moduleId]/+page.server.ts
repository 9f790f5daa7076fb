/** Admin: an edition — its pots (and those short of eligible projects), categories, and the decision queues. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { deleteCategory, manageEdition, readCategoryForm, saveCategory } from '#lib/server/modules/budgets/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	notice: url.searchParams.get('done'),
	...(await manageEdition(locals.actor, { spaceId: params.id, moduleId: params.moduleId }))
});

const back = (locals: App.Locals, p: { id: string; moduleId: string }) =>
	redirect(303, `${localizedPath(`/admin/processes/${p.id}/budgets/${p.moduleId}`, locals.locale)}?done=saved`);

export const actions = {
	addCategory: async ({ request, locals, params }) => {
		const input = readCategoryForm(await request.formData());
		const result = await saveCategory(locals.actor, { moduleId: params.moduleId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, category: input });
		back(locals, params);
	},
	deleteCategory: async ({ request, locals, params }) => {
		const categoryId = String((await request.formData()).get('categoryId') ?? '');
		await deleteCategory(locals.actor, { moduleId: params.moduleId, categoryId });
		back(locals, params);
	}
} satisfies Actions;
