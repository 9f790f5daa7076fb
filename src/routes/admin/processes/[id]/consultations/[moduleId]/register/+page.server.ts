/** Admin: the register with private contacts; enter paper / e-mail recommendations and record outcomes. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	decideRecommendation,
	manageConsultation,
	readOutcomeForm,
	readStaffRecommendationForm,
	recordRecommendation
} from '#lib/server/modules/consultations/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await manageConsultation(locals.actor, { spaceId: params.id, moduleId: params.moduleId })),
	recorded: url.searchParams.get('recorded'),
	decided: url.searchParams.get('decided')
});

const here = (locals: App.Locals, p: { id: string; moduleId: string }) =>
	localizedPath(`/admin/processes/${p.id}/consultations/${p.moduleId}/register`, locals.locale);

export const actions = {
	record: async ({ request, locals, params }) => {
		const input = readStaffRecommendationForm(await request.formData());
		const result = await recordRecommendation(locals.actor, { moduleId: params.moduleId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(303, `${here(locals, params)}?recorded=${result.value.number}`);
	},
	outcome: async ({ request, locals, params }) => {
		const input = readOutcomeForm(await request.formData());
		const result = await decideRecommendation(locals.actor, { moduleId: params.moduleId }, input);
		if (!result.ok) return fail(400, { outcomeErrors: result.errors, outcomeFor: input.recommendationId });
		redirect(303, `${here(locals, params)}?decided=${input.recommendationId}#entry-${input.recommendationId}`);
	}
} satisfies Actions;
