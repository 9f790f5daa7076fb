/** Admin: pending appeals, oldest first; staff uphold or dismiss each with a reason. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { decideAppeal, manageAppeals } from '#lib/server/modules/budgets/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	notice: url.searchParams.get('done'),
	...(await manageAppeals(locals.actor, { spaceId: params.id, moduleId: params.moduleId }))
});

export const actions = {
	decide: async ({ request, locals, params }) => {
		const form = await request.formData();
		const appealId = String(form.get('appealId') ?? '');
		const input = { outcome: String(form.get('outcome') ?? '') as 'upheld', reason: String(form.get('reason') ?? '') };
		const result = await decideAppeal(locals.actor, { moduleId: params.moduleId, appealId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, appealId, ...input });
		redirect(
			303,
			`${localizedPath(`/admin/processes/${params.id}/budgets/${params.moduleId}/appeals`, locals.locale)}?done=decided`
		);
	}
} satisfies Actions;
