/** Edit, move or deactivate a category of the reports tree, with its routing and extra questions. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { categoryForEdit, readCategoryForm, saveCategory } from '#lib/server/modules/reports/index.ts';

export const load: PageServerLoad = async ({ locals, params }) => categoryForEdit(locals.actor, params.id);

export const actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const { moduleId } = await categoryForEdit(locals.actor, params.id);
		const result = await saveCategory(locals.actor, moduleId, params.id, readCategoryForm(form));
		if (!result.ok)
			return fail(400, { errors: result.errors, values: Object.fromEntries(form) as Record<string, string> });
		redirect(303, `${localizedPath('/admin/reports/categories', locals.locale)}?saved=1`);
	}
} satisfies Actions;
