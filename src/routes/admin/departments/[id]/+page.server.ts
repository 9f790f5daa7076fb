/** One department: edit its name and e-mail; see its members. */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { canAdmin } from '#lib/server/platform/permissions/admin-policy.ts';
import { getDepartment } from '#lib/server/platform/people/queries.ts';
import { updateDepartment } from '#lib/server/platform/people/commands/update-department.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await getDepartment(locals.actor, params.id)),
	manage: canAdmin(locals.actor, 'departments.manage').allowed,
	saved: url.searchParams.has('saved')
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const input = Object.fromEntries(await request.formData()) as Record<string, string>;
		const result = await updateDepartment(locals.actor, params.id, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		return { saved: true };
	}
} satisfies Actions;
