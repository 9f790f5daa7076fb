/** Admin: the categories and custom answer states of a proposals module. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	createState,
	deleteCategory,
	deleteState,
	manageProposalSettings,
	readCategoryForm,
	readStateForm,
	saveCategory
} from '#lib/server/modules/proposals/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	notice: url.searchParams.get('done'),
	...(await manageProposalSettings(locals.actor, { spaceId: params.id, moduleId: params.moduleId }))
});

const back = (locals: App.Locals, p: { id: string; moduleId: string }) =>
	redirect(
		303,
		`${localizedPath(`/admin/processes/${p.id}/proposals/${p.moduleId}/categories`, locals.locale)}?done=saved`
	);

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
	},
	addState: async ({ request, locals, params }) => {
		const input = readStateForm(await request.formData());
		const result = await createState(locals.actor, { moduleId: params.moduleId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, state: input });
		back(locals, params);
	},
	deleteState: async ({ request, locals, params }) => {
		const stateId = String((await request.formData()).get('stateId') ?? '');
		const result = await deleteState(locals.actor, { moduleId: params.moduleId, stateId });
		if (!result.ok) return fail(400, { errors: result.errors });
		back(locals, params);
	}
} satisfies Actions;
