/** Site search (GET ?q=…&kind=…): results grouped by kind, in the person's language where translated. */
import type { PageServerLoad } from './$types';
import { searchSite } from '#lib/server/platform/search/search-site.ts';
import { searchKindLabel } from '#lib/server/platform/search/kinds.ts';

export const load: PageServerLoad = async ({ url, locals }) => {
	const q = url.searchParams.get('q') ?? '';
	const kind = url.searchParams.get('kind') || null;
	const result = await searchSite({ query: q, locale: locals.locale, actor: locals.actor, kind });
	const labels = Object.fromEntries(result.groups.map((g) => [g.kind, searchKindLabel(g.kind, locals.locale)]));
	return { q, result, labels, kindLabel: kind ? searchKindLabel(kind, locals.locale) : null };
};
