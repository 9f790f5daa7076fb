/** Atom feed of new problem reports (GET /feeds/reports.atom[?neighbourhood=<slug or id>][&locale=]). */
import type { RequestHandler } from './$types';
import { ATOM_CONTENT_TYPE } from '#lib/server/platform/feeds/atom.ts';
import { cityReportsFeed } from '#lib/server/modules/reports/index.ts';
import { apiLocale } from '#lib/server/platform/spaces/api.ts';

export const GET: RequestHandler = async ({ url }) => {
	const xml = await cityReportsFeed(
		url.origin,
		url.searchParams.get('neighbourhood') || null,
		apiLocale(url.searchParams.get('locale')) ?? 'ro'
	);
	return new Response(xml, { headers: { 'content-type': ATOM_CONTENT_TYPE, 'cache-control': 'public, max-age=120' } });
};
