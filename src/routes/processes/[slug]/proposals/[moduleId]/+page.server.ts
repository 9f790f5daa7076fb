/** Public: the proposals of a module, filtered and sorted by the query string (works without JavaScript). */
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { readListQuery, viewProposals } from '#lib/server/modules/proposals/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const query = readListQuery(url.searchParams);
	// A random order needs a seed in the URL, so that the next page continues the same shuffle.
	if (query.sort === 'random' && !query.seed) {
		const next = new URL(url);
		next.searchParams.set('seed', String(1 + Math.floor(Math.random() * 999_998)));
		redirect(303, next.pathname + next.search);
	}
	return {
		slug: params.slug,
		// Served shared to a signed-in visitor: canCreate, isEvaluator and what I support come with it
		// (personal-parts.ts).
		deferred: locals.personalDeferred,
		...(await viewProposals(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId, query }))
	};
};
