/** Admin: edit a process's texts. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getProcessForAdmin } from '#lib/server/platform/spaces/queries.ts';
import { readProcessForm } from '#lib/server/platform/spaces/forms.ts';
import { updateProcess } from '#lib/server/platform/spaces/commands/update-process.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) => ({
	space: (await getProcessForAdmin(locals.actor, params.id)).space
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const input = readProcessForm(await request.formData());
		const result = await updateProcess(locals.actor, params.id, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(303, `${localizedPath(`/admin/processes/${params.id}`, locals.locale)}?done=saved`);
	}
} satisfies Actions;
