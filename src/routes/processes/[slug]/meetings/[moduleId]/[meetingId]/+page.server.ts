/** Public: one meeting (time, place, agenda, registration, minutes, linked proposals, comments). */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cancelRegistration, registerForMeeting, viewMeeting } from '#lib/server/modules/meetings/index.ts';
import { viewComments } from '#lib/server/platform/comments/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	slug: params.slug,
	...(await viewMeeting(locals.actor, { spaceSlug: params.slug, ...params, locale: locals.locale })),
	comments: await viewComments(locals.actor, { resourceType: 'meeting', resourceId: params.meetingId, url }),
	done: url.searchParams.get('done')
});

const back = (params: Record<string, string>, locale: string, done: string) =>
	`${localizedPath(`/processes/${params.slug}/meetings/${params.moduleId}/${params.meetingId}`, locale)}?done=${done}#registration`;

export const actions = {
	register: async ({ request, locals, params }) => {
		const form = await request.formData();
		const speakerPoint = String(form.get('speakerPoint') ?? '');
		const result = await registerForMeeting(locals.actor, params, { speakerPoint });
		if (!result.ok) return fail(400, { errors: result.errors, speakerPoint });
		redirect(303, back(params, locals.locale, result.value.status));
	},
	cancel: async ({ locals, params }) => {
		const result = await cancelRegistration(locals.actor, params);
		if (!result.ok) return fail(400, { errors: result.errors });
		redirect(303, back(params, locals.locale, 'cancelled'));
	}
} satisfies Actions;
