/** Admin: public-debate requests with their 10-day deadline; schedule each debate. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { manageConsultation, readScheduleDebateForm, scheduleDebate } from '#lib/server/modules/consultations/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await manageConsultation(locals.actor, { spaceId: params.id, moduleId: params.moduleId })),
	scheduled: url.searchParams.has('scheduled')
});

export const actions = {
	schedule: async ({ request, locals, params }) => {
		const input = readScheduleDebateForm(await request.formData());
		const result = await scheduleDebate(locals.actor, { moduleId: params.moduleId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		const path = `/admin/processes/${params.id}/consultations/${params.moduleId}/debates`;
		redirect(303, `${localizedPath(path, locals.locale)}?scheduled=1`);
	}
} satisfies Actions;
