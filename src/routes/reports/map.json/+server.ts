/**
 * GET /reports/map.json?bbox=minLng,minLat,maxLng,maxLat[&state=&category=&neighbourhood=&since=] — the public
 * map's data (points for a street-sized box, grid clusters for larger ones; see reports/map-data.ts). Public and the
 * same for everyone (hidden reports never included), so shared caches may keep it briefly.
 */
import { json } from '@sveltejs/kit';
import { publicMapData } from '#lib/server/modules/reports/index.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
	const data = await publicMapData(locals.actor, url.searchParams);
	if (!data.ok) return json({ errors: data.errors }, { status: 400, headers: { 'cache-control': 'no-store' } });
	// Clusters change slowly (and are cached in the process for 30 s); points carry titles and follow moderation.
	const maxAge = data.value.kind === 'clusters' ? 30 : 10;
	return json(data.value, { headers: { 'cache-control': `public, max-age=${maxAge}` } });
};
