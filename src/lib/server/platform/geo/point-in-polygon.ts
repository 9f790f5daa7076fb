/** Point-in-polygon for GeoJSON Polygon / MultiPolygon (even-odd rule, holes respected); pure, no database. */
import type { GeoJSONGeometry } from '../db/schema.ts';

type Ring = number[][];

function inRing(lng: number, lat: number, ring: Ring): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

function inPolygon(lng: number, lat: number, rings: Ring[]): boolean {
	if (!rings.length || !inRing(lng, lat, rings[0])) return false;
	return !rings.slice(1).some((hole) => inRing(lng, lat, hole));
}

/** Whether the WGS84 point lies inside the geometry. */
export function containsPoint(geometry: GeoJSONGeometry, lng: number, lat: number): boolean {
	const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
	return polygons.some((p) => inPolygon(lng, lat, p));
}
