/** A new category or group of the reports tree. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { categoryForEdit, readCategoryForm, saveCategory } from '#lib/server/modules/reports/index.ts';

export const load: PageServerLoad = async ({ locals }) => categoryForEdit(locals.actor, null);

export const actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const { moduleId } = await categoryForEdit(locals.actor, null);
		const result = await saveCategory(locals.actor, moduleId, null, readCategoryForm(form));
		if (!result.ok)
			return fail(400, { errors: result.errors, values: Object.fromEntries(form) as Record<string, string> });
		redirect(303, `${localizedPath('/admin/reports/categories', locals.locale)}?saved=1`);
	}
} satisfies Actions;
