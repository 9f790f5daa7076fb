/**
 * Validates an uploaded GeoJSON boundary: a Polygon or MultiPolygon (bare, in a Feature, or in a FeatureCollection
 * whose polygons are merged), WGS84 longitude/latitude, closed rings of at least four positions.
 */
import type { GeoJSONGeometry } from '../db/schema.ts';

export const GEOJSON_MAX_BYTES = 2 * 1024 * 1024;

type Position = [number, number];
type Ring = Position[];
export type Polygon = Ring[];

export type GeometryCheck = { ok: true; geometry: GeoJSONGeometry } | { ok: false; error: string };

const fail = (error: string): GeometryCheck => ({ ok: false, error });

/** Extracts polygons from any accepted GeoJSON object, or says why it cannot. */
function polygonsOf(value: unknown): Polygon[] | string {
	if (!value || typeof value !== 'object') return 'admin_geojson_wrong_type';
	const o = value as { type?: unknown; coordinates?: unknown; geometry?: unknown; features?: unknown; crs?: unknown };
	if (o.crs && !isWgs84Crs(o.crs)) return 'admin_geojson_crs';
	switch (o.type) {
		case 'Polygon':
			return [o.coordinates as Polygon];
		case 'MultiPolygon':
			return Array.isArray(o.coordinates) ? (o.coordinates as Polygon[]) : 'admin_geojson_bad_coordinates';
		case 'Feature':
			return polygonsOf(o.geometry);
		case 'FeatureCollection': {
			if (!Array.isArray(o.features) || o.features.length === 0) return 'admin_geojson_empty';
			const all: Polygon[] = [];
			for (const f of o.features) {
				const p = polygonsOf(f);
				if (typeof p === 'string') return p;
				all.push(...p);
			}
			return all;
		}
		default:
			return 'admin_geojson_wrong_type';
	}
}

function isWgs84Crs(crs: unknown): boolean {
	const name = (crs as { properties?: { name?: unknown } })?.properties?.name;
	return typeof name === 'string' && /CRS84|EPSG:*4326/i.test(name);
}

function checkRing(ring: unknown): string | null {
	if (!Array.isArray(ring)) return 'admin_geojson_bad_coordinates';
	for (const p of ring) {
		if (!Array.isArray(p) || p.length < 2 || !p.every((n) => typeof n === 'number' && Number.isFinite(n)))
			return 'admin_geojson_bad_coordinates';
		const [lon, lat] = p as number[];
		if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return 'admin_geojson_out_of_range';
	}
	if (ring.length < 4) return 'admin_geojson_ring_too_short';
	const [a, z] = [ring[0] as number[], ring[ring.length - 1] as number[]];
	if (a[0] !== z[0] || a[1] !== z[1]) return 'admin_geojson_ring_not_closed';
	return null;
}

/** Checks already-parsed GeoJSON. Positions are trimmed to [lon, lat] (altitude is dropped). */
export function checkGeometry(value: unknown): GeometryCheck {
	const polygons = polygonsOf(value);
	if (typeof polygons === 'string') return fail(polygons);
	if (!polygons.length) return fail('admin_geojson_empty');
	for (const polygon of polygons) {
		if (!Array.isArray(polygon) || polygon.length === 0) return fail('admin_geojson_bad_coordinates');
		for (const ring of polygon) {
			const problem = checkRing(ring);
			if (problem) return fail(problem);
		}
	}
	const clean = polygons.map((poly) => poly.map((ring) => ring.map(([lon, lat]) => [lon, lat] as Position)));
	return {
		ok: true,
		geometry:
			clean.length === 1 ? { type: 'Polygon', coordinates: clean[0] } : { type: 'MultiPolygon', coordinates: clean }
	};
}

/** Parses and checks the text of an uploaded file. */
export function parseGeometryUpload(text: string): GeometryCheck {
	if (!text.trim()) return fail('admin_geojson_empty');
	if (text.length > GEOJSON_MAX_BYTES) return fail('admin_geojson_too_large');
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return fail('admin_geojson_not_json');
	}
	return checkGeometry(value);
}
