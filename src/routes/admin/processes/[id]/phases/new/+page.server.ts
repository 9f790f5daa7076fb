/** Admin: add a phase to a process's timeline. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getProcessForAdmin } from '#lib/server/platform/spaces/queries.ts';
import { readPhaseForm } from '#lib/server/platform/spaces/forms.ts';
import { addPhase } from '#lib/server/platform/spaces/commands/add-phase.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { space, timeline } = await getProcessForAdmin(locals.actor, params.id);
	return { space, phases: timeline.phases };
};

export const actions = {
	default: async ({ request, locals, params }) => {
		const input = readPhaseForm(await request.formData());
		const result = await addPhase(locals.actor, params.id, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(303, `${localizedPath(`/admin/processes/${params.id}`, locals.locale)}?done=saved#phases`);
	}
} satisfies Actions;
