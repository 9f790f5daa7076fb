/** Public: the ballot (check → review → cast), working without JavaScript; the choices travel in the form only. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	castBallot,
	changeCookie,
	readBallotForm,
	receiptCookie,
	reviewBallot,
	viewBallot,
	voteCookieOptions
} from '#lib/server/modules/budgets/index.ts';
import { requireUser } from '#lib/server/platform/auth/guards.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

const where = (params: { slug: string; moduleId: string }) => ({ spaceSlug: params.slug, moduleId: params.moduleId });

export const load: PageServerLoad = async ({ locals, params, url, cookies }) => {
	requireUser(locals.actor, url, locals.locale);
	const changeCode = cookies.get(changeCookie(params.moduleId)) ?? null;
	const zone = url.searchParams.get('zone');
	return {
		slug: params.slug,
		...(await viewBallot(locals.actor, where(params), { zone, locale: locals.locale, changeCode }))
	};
};

export const actions = {
	check: async ({ request, locals, params }) => {
		const { input, filters } = readBallotForm(await request.formData());
		const { summary } = await viewBallot(locals.actor, where(params), {
			zone: input.zone,
			locale: locals.locale,
			input
		});
		return { input, filters, summary };
	},
	review: async ({ request, locals, params }) => {
		const { input, filters } = readBallotForm(await request.formData());
		const result = await reviewBallot(locals.actor, where(params), input, locals.locale);
		if (result.ok) return { input, filters, review: result.value.lines };
		const { summary } = await viewBallot(locals.actor, where(params), {
			zone: input.zone,
			locale: locals.locale,
			input
		});
		return fail(400, { input, filters, summary, errors: result.errors });
	},
	cast: async ({ request, locals, params, cookies }) => {
		// The box is secret and no shared page shows a ballot: thousands of casts must not empty the caches.
		locals.sharedUnchanged = true;
		const { input } = readBallotForm(await request.formData());
		const receipt = cookies.get(changeCookie(params.moduleId));
		const result = await castBallot(locals.actor, where(params), input, { receipt, locale: locals.locale });
		if (!result.ok) return fail(400, { input, errors: result.errors });
		if (result.value.status === 'already_voted') return fail(409, { input, alreadyVoted: result.value });
		cookies.delete(changeCookie(params.moduleId), { path: '/' });
		cookies.set(receiptCookie(params.moduleId), JSON.stringify(result.value), voteCookieOptions);
		redirect(303, localizedPath(`/processes/${params.slug}/budgets/${params.moduleId}/vote/receipt`, locals.locale));
	}
} satisfies Actions;
