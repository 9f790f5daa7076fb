/** Admin: change a meeting (people registered see the change; calendar clients get a new SEQUENCE). */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	manageMeeting,
	meetingFormValues,
	postedValues,
	readMeetingForm,
	updateMeeting
} from '#lib/server/modules/meetings/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const view = await manageMeeting(locals.actor, { spaceId: params.id, ...params });
	return {
		space: view.space,
		module: view.module,
		neighbourhoods: view.neighbourhoods,
		meetingId: view.meeting.id,
		values: meetingFormValues(view.meeting)
	};
};

export const actions = {
	default: async ({ request, locals, params }) => {
		const input = readMeetingForm(await request.formData());
		const result = await updateMeeting(locals.actor, params, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: postedValues(input) });
		const path = `/admin/processes/${params.id}/meetings/${params.moduleId}/${params.meetingId}`;
		redirect(303, `${localizedPath(path, locals.locale)}?done=saved`);
	}
} satisfies Actions;
