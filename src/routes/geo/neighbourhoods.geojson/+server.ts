/** GET /geo/neighbourhoods.geojson — the neighbourhood polygons every map draws (public, cacheable). */
import { json } from '@sveltejs/kit';
import { neighbourhoodsGeoJson } from '#lib/server/platform/geo/public-map.ts';

export async function GET() {
	const body = await neighbourhoodsGeoJson();
	return json(body, {
		headers: { 'content-type': 'application/geo+json; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
}
