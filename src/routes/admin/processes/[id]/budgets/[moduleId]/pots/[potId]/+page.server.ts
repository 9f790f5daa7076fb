/** Admin: create (`new`) or change a pot of an edition; remove it while it has no projects. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { deletePot, managePot, readPotForm, savePot } from '#lib/server/modules/budgets/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) =>
	managePot(locals.actor, { spaceId: params.id, moduleId: params.moduleId, potId: params.potId });

const back = (locals: App.Locals, p: { id: string; moduleId: string }) =>
	redirect(303, `${localizedPath(`/admin/processes/${p.id}/budgets/${p.moduleId}`, locals.locale)}?done=saved`);

export const actions = {
	save: async ({ request, locals, params }) => {
		const input = readPotForm(await request.formData());
		const potId = params.potId === 'new' ? undefined : params.potId;
		const result = await savePot(locals.actor, { moduleId: params.moduleId, potId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		back(locals, params);
	},
	delete: async ({ locals, params }) => {
		const result = await deletePot(locals.actor, { moduleId: params.moduleId, potId: params.potId });
		if (!result.ok) return fail(400, { errors: result.errors });
		back(locals, params);
	}
} satisfies Actions;
