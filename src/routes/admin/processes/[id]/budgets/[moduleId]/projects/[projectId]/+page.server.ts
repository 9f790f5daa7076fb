/** Admin: one project — eligibility (commission), department (staff), evaluation (department), decision log. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	assignDepartment,
	decideEligibility,
	evaluateProject,
	manageProject
} from '#lib/server/modules/budgets/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	notice: url.searchParams.get('done'),
	...(await manageProject(locals.actor, { spaceId: params.id, moduleId: params.moduleId, projectId: params.projectId }))
});

const back = (locals: App.Locals, p: { id: string; moduleId: string; projectId: string }) =>
	redirect(
		303,
		`${localizedPath(`/admin/processes/${p.id}/budgets/${p.moduleId}/projects/${p.projectId}`, locals.locale)}?done=saved`
	);
const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions = {
	eligibility: async ({ request, locals, params }) => {
		const form = await request.formData();
		const input = { outcome: text(form, 'outcome') as 'eligible', reason: text(form, 'reason') };
		const result = await decideEligibility(locals.actor, params, input);
		if (!result.ok) return fail(400, { errors: result.errors, eligibility: input });
		back(locals, params);
	},
	department: async ({ request, locals, params }) => {
		const departmentId = text(await request.formData(), 'departmentId');
		const result = await assignDepartment(locals.actor, params, { departmentId });
		if (!result.ok) return fail(400, { errors: result.errors });
		back(locals, params);
	},
	evaluation: async ({ request, locals, params }) => {
		const form = await request.formData();
		const input = {
			outcome: text(form, 'outcome') as 'feasible',
			reason: text(form, 'reason'),
			cityCost: text(form, 'cityCost')
		};
		const result = await evaluateProject(locals.actor, params, input);
		if (!result.ok) return fail(400, { errors: result.errors, evaluation: input });
		back(locals, params);
	}
} satisfies Actions;
