/** Admin: edit or delete one phase. */
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getProcessForAdmin } from '#lib/server/platform/spaces/queries.ts';
import { readPhaseForm } from '#lib/server/platform/spaces/forms.ts';
import { updatePhase } from '#lib/server/platform/spaces/commands/update-phase.ts';
import { deletePhase } from '#lib/server/platform/spaces/commands/delete-phase.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { space, phases } = await getProcessForAdmin(locals.actor, params.id);
	const phase = phases.find((p) => p.id === params.phaseId);
	if (!phase) error(404, 'not_found');
	return { space, phase };
};

const ids = (params: { id: string; phaseId: string }) => ({ spaceId: params.id, phaseId: params.phaseId });

export const actions = {
	save: async ({ request, locals, params }) => {
		const input = readPhaseForm(await request.formData());
		const result = await updatePhase(locals.actor, ids(params), input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(303, `${localizedPath(`/admin/processes/${params.id}`, locals.locale)}?done=saved#phases`);
	},
	delete: async ({ locals, params }) => {
		await deletePhase(locals.actor, ids(params));
		redirect(303, `${localizedPath(`/admin/processes/${params.id}`, locals.locale)}?done=deleted#phases`);
	}
} satisfies Actions;
