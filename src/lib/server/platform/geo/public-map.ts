/** The public base layer of every map: neighbourhood boundaries as GeoJSON, plus the operator's tiles if any. */
import { asc, isNotNull } from 'drizzle-orm';
import { getDb } from '../db/index.ts';
import { neighbourhoods } from '../db/schema.ts';
import { cityBounds, mapTiles } from './place.ts';

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors (ODbL)';

/**
 * A FeatureCollection of the neighbourhoods with a boundary. Foreign members (allowed by RFC 7946 §6.1) tell the
 * map components the bounds, the tiles to draw under the polygons and the attribution the ODbL requires.
 */
export async function neighbourhoodsGeoJson() {
	const db = await getDb();
	const rows = await db
		.select({
			id: neighbourhoods.id,
			slug: neighbourhoods.slug,
			name: neighbourhoods.name,
			geometry: neighbourhoods.geometry
		})
		.from(neighbourhoods)
		.where(isNotNull(neighbourhoods.geometry))
		.orderBy(asc(neighbourhoods.slug));
	return {
		type: 'FeatureCollection' as const,
		bbox: cityBounds(),
		attribution: OSM_ATTRIBUTION,
		tiles: mapTiles(),
		features: rows.map((r) => ({
			type: 'Feature' as const,
			id: r.id,
			properties: { slug: r.slug, name: r.name },
			geometry: r.geometry
		}))
	};
}
