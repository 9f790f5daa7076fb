/** Public: change a ballot — the voter proves their receipt (prefilled from the e-mail link), then votes again. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { changeCookie, receiptForChange, viewBallot, voteCookieOptions } from '#lib/server/modules/budgets/index.ts';
import { requireUser } from '#lib/server/platform/auth/guards.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireUser(locals.actor, url, locals.locale);
	const view = await viewBallot(
		locals.actor,
		{ spaceSlug: params.slug, moduleId: params.moduleId },
		{ zone: null, locale: locals.locale }
	);
	return {
		slug: params.slug,
		module: view.module,
		canVote: view.canVote,
		changeAllowed: view.changeAllowed,
		roll: view.roll,
		receipt: (url.searchParams.get('receipt') ?? '').slice(0, 60)
	};
};

export const actions = {
	default: async ({ request, locals, params, cookies }) => {
		const typed = String((await request.formData()).get('receipt') ?? '').slice(0, 60);
		const result = await receiptForChange(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId }, typed);
		if (!result.ok) return fail(400, { receipt: typed, errors: result.errors });
		cookies.set(changeCookie(params.moduleId), result.value.code, voteCookieOptions);
		redirect(303, localizedPath(`/processes/${params.slug}/budgets/${params.moduleId}/vote`, locals.locale));
	}
} satisfies Actions;
