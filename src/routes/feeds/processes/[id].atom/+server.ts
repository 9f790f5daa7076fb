/** GET /feeds/processes/{id or slug}.atom — the process's phases and module news as Atom 1.0 (`?locale=en` etc.). */
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { isLocale } from '#lib/i18n/index.ts';
import { ATOM_CONTENT_TYPE } from '#lib/server/platform/feeds/atom.ts';
import { processFeed } from '#lib/server/platform/feeds/process-feed.ts';
import { NotFoundError } from '#lib/server/platform/result.ts';
import { modules } from '#lib/server/registry.ts';

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const asked = url.searchParams.get('locale');
	const locale = isLocale(asked) ? asked : locals.locale;
	try {
		const xml = await processFeed(params.id, { origin: url.origin, locale, modules });
		return new Response(xml, {
			headers: { 'content-type': ATOM_CONTENT_TYPE, 'cache-control': 'public, max-age=300' }
		});
	} catch (e) {
		if (e instanceof NotFoundError) error(404, 'Not found');
		throw e;
	}
};
