/** A desk: find a citizen by e-mail or phone, check them in person, see whether they voted, take their paper vote. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { readInPersonForm, recordPaperVoter, verifyAtDesk, viewDesk } from '#lib/server/modules/budgets/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	notice: url.searchParams.get('done'),
	...(await viewDesk(locals.actor, {
		spaceId: params.id,
		moduleId: params.moduleId,
		deskId: params.deskId,
		q: url.searchParams.get('q') ?? undefined,
		userId: url.searchParams.get('person') ?? undefined
	}))
});

const at = (p: { moduleId: string; deskId: string }, form: FormData) => ({
	moduleId: p.moduleId,
	deskId: p.deskId,
	userId: String(form.get('userId') ?? '')
});
const back = (locals: App.Locals, p: { id: string; moduleId: string; deskId: string }, userId: string, done: string) =>
	redirect(
		303,
		`${localizedPath(`/admin/processes/${p.id}/budgets/${p.moduleId}/desks/${p.deskId}`, locals.locale)}?person=${encodeURIComponent(userId)}&done=${done}`
	);

export const actions = {
	verify: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await verifyAtDesk(locals.actor, at(params, form), readInPersonForm(form));
		if (!result.ok) return fail(400, { errors: result.errors });
		back(locals, params, at(params, form).userId, 'verified');
	},
	paper: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await recordPaperVoter(locals.actor, at(params, form));
		if (!result.ok) return fail(400, { errors: result.errors });
		back(locals, params, at(params, form).userId, 'paper');
	}
} satisfies Actions;
