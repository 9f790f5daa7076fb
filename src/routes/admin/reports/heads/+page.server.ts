/** Department heads: who receives the deadline reminders of each department's reports, with the assignee. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { departmentHeads, setDepartmentHead } from '#lib/server/modules/reports/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, url }) => ({
	departments: await departmentHeads(locals.actor),
	saved: url.searchParams.has('saved')
});

export const actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		const departmentId = String(form.get('departmentId') ?? '');
		const heads = new Set(form.getAll('heads').map(String));
		const department = (await departmentHeads(locals.actor)).find((d) => d.id === departmentId);
		if (!department) return fail(400, { errors: { departmentId: 'reports_staff_error_department' } });
		for (const member of department.members) {
			if (member.head === heads.has(member.userId)) continue;
			const result = await setDepartmentHead(locals.actor, departmentId, member.userId, heads.has(member.userId));
			if (!result.ok) return fail(400, { errors: result.errors });
		}
		redirect(303, `${localizedPath('/admin/reports/heads', locals.locale)}?saved=1`);
	}
} satisfies Actions;
