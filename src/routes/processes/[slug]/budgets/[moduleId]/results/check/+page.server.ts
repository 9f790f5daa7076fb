/** Public: a voter enters their receipt code and sees their ballot's line in the published files (POST: no code in URLs). */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { checkReceipt, viewResults } from '#lib/server/modules/budgets/index.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const results = await viewResults(locals.actor, {
		spaceSlug: params.slug,
		moduleId: params.moduleId,
		locale: locals.locale
	});
	return { edition: results.edition, published: results.published, locale: locals.locale };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const code = String((await request.formData()).get('code') ?? '').trim();
		if (!code) return fail(400, { errors: { code: 'budgets_results_check_required' }, check: null });
		const check = await checkReceipt(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId, code });
		if (!check.found) return fail(404, { errors: { code: 'budgets_results_check_not_found' }, check: null });
		return { errors: {} as Record<string, string>, check };
	}
};
