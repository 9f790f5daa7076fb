/** Admin: compute and publish an edition's results once voting is over (once; the published files never change). */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { computeResults, manageResults } from '#lib/server/modules/budgets/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	locale: locals.locale,
	done: url.searchParams.has('computed'),
	...(await manageResults(locals.actor, { spaceId: params.id, moduleId: params.moduleId }))
});

export const actions: Actions = {
	default: async ({ locals, params, url }) => {
		const result = await computeResults(locals.actor, { moduleId: params.moduleId });
		if (!result.ok) return fail(400, { errors: result.errors });
		redirect(303, `${url.pathname}?computed=1`);
	}
};
