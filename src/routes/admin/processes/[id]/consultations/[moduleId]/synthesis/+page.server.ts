/** Admin: publish the synthesis of recommendations and outcomes with the final act. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { manageConsultation, publishSynthesis, readSynthesisForm } from '#lib/server/modules/consultations/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) =>
	manageConsultation(locals.actor, { spaceId: params.id, moduleId: params.moduleId });

export const actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const input = readSynthesisForm(form);
		const file = form.get('finalActFile');
		const result = await publishSynthesis(
			locals.actor,
			{ moduleId: params.moduleId },
			input,
			file instanceof File ? file : null
		);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(
			303,
			`${localizedPath(`/admin/processes/${params.id}/consultations/${params.moduleId}`, locals.locale)}?done=synthesis`
		);
	}
} satisfies Actions;
