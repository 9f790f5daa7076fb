/** Admin: one meeting — publish (Law 52 notice), cancel, minutes and attendance, linked proposals, registrations. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	cancelMeeting,
	linkProposal,
	manageMeeting,
	publishMeeting,
	readMinutesForm,
	recordMinutes
} from '#lib/server/modules/meetings/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await manageMeeting(locals.actor, { spaceId: params.id, ...params, locale: locals.locale })),
	done: url.searchParams.get('done')
});

const text = (form: FormData, name: string) => String(form.get(name) ?? '');
const done = (params: Record<string, string>, locale: string, what: string) =>
	redirect(
		303,
		`${localizedPath(`/admin/processes/${params.id}/meetings/${params.moduleId}/${params.meetingId}`, locale)}?done=${what}`
	);

export const actions = {
	publish: async ({ request, locals, params }) => {
		const overrideReason = text(await request.formData(), 'overrideReason');
		const r = await publishMeeting(locals.actor, params, { overrideReason });
		if (!r.ok) return fail(400, { errors: r.errors, overrideReason });
		done(params, locals.locale, 'published');
	},
	cancel: async ({ request, locals, params }) => {
		const reason = text(await request.formData(), 'reason');
		const r = await cancelMeeting(locals.actor, params, { reason });
		if (!r.ok) return fail(400, { errors: r.errors, reason });
		done(params, locals.locale, 'cancelled');
	},
	minutes: async ({ request, locals, params }) => {
		const form = await request.formData();
		const input = readMinutesForm(form);
		const file = form.get('minutesFile');
		const r = await recordMinutes(locals.actor, params, input, new Date(), file instanceof File ? file : null);
		if (!r.ok) return fail(400, { errors: r.errors, minutes: input });
		done(params, locals.locale, 'minutes');
	},
	link: async ({ request, locals, params }) => {
		const form = await request.formData();
		const remove = form.get('remove') === '1';
		const r = await linkProposal(locals.actor, params, { proposal: text(form, 'proposal'), remove });
		if (!r.ok) return fail(400, { errors: r.errors, proposal: text(form, 'proposal') });
		done(params, locals.locale, remove ? 'unlinked' : 'linked');
	}
} satisfies Actions;
