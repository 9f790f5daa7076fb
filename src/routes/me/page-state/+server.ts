/**
 * GET /me/page-state?route=<route id>&params=<JSON>&search=<query string>: the personal parts of a page that was
 * served from the shared cache to a signed-in visitor (ADR 0007) — the header's person and the route's own parts.
 * Private: never cached. A visitor whose session ended gets `me: null` and the parts as anyone sees them.
 */
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { headerPerson, personalParts } from '#lib/server/personal-parts.ts';

export const GET: RequestHandler = async ({ locals, url }) => {
	const part = personalParts[url.searchParams.get('route') ?? ''];
	if (!part) error(404, 'not_found');
	let params: Record<string, string>;
	try {
		const parsed: unknown = JSON.parse(url.searchParams.get('params') ?? '{}');
		if (!parsed || typeof parsed !== 'object' || Object.values(parsed).some((v) => typeof v !== 'string'))
			throw new TypeError('params');
		params = parsed as Record<string, string>;
	} catch {
		error(400, 'bad_params');
	}
	const pageUrl = new URL(url.searchParams.get('search') ?? '', url.origin);
	return json(
		{
			me: headerPerson(locals.actor, locals.unreadNotifications),
			page: await part.read(locals.actor, params, pageUrl)
		},
		{ headers: { 'cache-control': 'private, no-store' } }
	);
};
