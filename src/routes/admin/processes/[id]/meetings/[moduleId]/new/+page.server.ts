/** Admin: plan a new meeting (saved as a draft; publishing is the next step). */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	createMeeting,
	meetingFormChoices,
	postedValues,
	readMeetingForm
} from '#lib/server/modules/meetings/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) =>
	meetingFormChoices(locals.actor, { spaceId: params.id, moduleId: params.moduleId });

export const actions = {
	default: async ({ request, locals, params }) => {
		const input = readMeetingForm(await request.formData());
		const result = await createMeeting(locals.actor, { moduleId: params.moduleId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: postedValues(input) });
		const path = `/admin/processes/${params.id}/meetings/${params.moduleId}/${result.value.id}`;
		redirect(303, `${localizedPath(path, locals.locale)}?done=created`);
	}
} satisfies Actions;
