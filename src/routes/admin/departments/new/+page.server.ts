/** Creates a department. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '#lib/server/platform/permissions/index.ts';
import { canAdmin } from '#lib/server/platform/permissions/admin-policy.ts';
import { createDepartment } from '#lib/server/platform/people/commands/create-department.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = ({ locals }) => authorize(canAdmin(locals.actor, 'departments.manage'));

export const actions = {
	default: async ({ request, locals }) => {
		const input = Object.fromEntries(await request.formData()) as Record<string, string>;
		const result = await createDepartment(locals.actor, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(303, `${localizedPath(`/admin/departments/${result.value.id}`, locals.locale)}?saved=1`);
	}
} satisfies Actions;
