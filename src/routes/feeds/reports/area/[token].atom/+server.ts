/** Atom feed of one area subscription, addressed by its secret token (GET /feeds/reports/area/<token>.atom). */
import type { RequestHandler } from './$types';
import { ATOM_CONTENT_TYPE } from '#lib/server/platform/feeds/atom.ts';
import { subscriptionFeed } from '#lib/server/modules/reports/index.ts';
import { apiLocale } from '#lib/server/platform/spaces/api.ts';

export const GET: RequestHandler = async ({ url, params }) => {
	const xml = await subscriptionFeed(url.origin, params.token, apiLocale(url.searchParams.get('locale')) ?? 'ro');
	return new Response(xml, { headers: { 'content-type': ATOM_CONTENT_TYPE, 'cache-control': 'private, max-age=120' } });
};
