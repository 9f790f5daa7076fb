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

/** A point to pin a polygon by: the area-weighted centroid of its largest outer ring ([lng, lat]). */
export function centroidOf(geometry: GeoJSONGeometry): [number, number] {
	const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
	let best: { area: number; c: [number, number] } = { area: -1, c: [0, 0] };
	for (const rings of polygons) {
		const ring = rings[0] ?? [];
		let a = 0;
		let cx = 0;
		let cy = 0;
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const cross = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
			a += cross;
			cx += (ring[j][0] + ring[i][0]) * cross;
			cy += (ring[j][1] + ring[i][1]) * cross;
		}
		if (Math.abs(a) > best.area && a !== 0) best = { area: Math.abs(a), c: [cx / (3 * a), cy / (3 * a)] };
	}
	return best.c;
}
