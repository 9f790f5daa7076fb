/** Admin: the voting desks of a budgets edition, a form to add one, and links to the paper-ballot pages. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { manageDesks, readDeskForm, saveDesk } from '#lib/server/modules/budgets/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	notice: url.searchParams.get('done'),
	...(await manageDesks(locals.actor, { spaceId: params.id, moduleId: params.moduleId }))
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const input = readDeskForm(await request.formData());
		const result = await saveDesk(locals.actor, { moduleId: params.moduleId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, desk: input });
		redirect(
			303,
			`${localizedPath(`/admin/processes/${params.id}/budgets/${params.moduleId}/desks`, locals.locale)}?done=saved`
		);
	}
} satisfies Actions;
