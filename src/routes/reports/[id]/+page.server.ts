/** Public: one report — photos, state, legal answer date, public timeline; "me too", follow, and the reporter's reopen. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { reopenReport, supportReport, viewReport } from '#lib/server/modules/reports/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	notice: url.searchParams.get('done'),
	locale: locals.locale,
	...(await viewReport(locals.actor, params.id))
});

const back = (locals: App.Locals, id: string, done: string) =>
	redirect(303, `${localizedPath(`/reports/${id}`, locals.locale)}?done=${done}`);

export const actions = {
	support: async ({ locals, params }) => {
		const { moduleId } = await viewReport(locals.actor, params.id);
		const result = await supportReport(locals.actor, moduleId, params.id);
		if (!result.ok) return fail(400, { errors: result.errors });
		back(locals, params.id, 'supported');
	},
	reopen: async ({ request, locals, params }) => {
		const reason = (await request.formData()).get('reason');
		const { moduleId } = await viewReport(locals.actor, params.id);
		const result = await reopenReport(locals.actor, moduleId, params.id, { reason });
		if (!result.ok) return fail(400, { errors: result.errors, reason: typeof reason === 'string' ? reason : '' });
		back(locals, params.id, 'reopened');
	}
} satisfies Actions;
