/** Distances on the city's scale: great-circle metres between two WGS84 points, and the lat/lng box around a circle. */
const EARTH_RADIUS_M = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

export function distanceMeters(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
	const dLat = rad(b.lat - a.lat);
	const dLng = rad(b.lng - a.lng);
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box that contains the circle (a prefilter for the GiST index; the exact test is `distanceMeters`). */
export function boxAround(lat: number, lng: number, radiusMeters: number) {
	const dLat = radiusMeters / 111_320;
	const dLng = radiusMeters / (111_320 * Math.max(0.1, Math.cos(rad(lat))));
	return { south: lat - dLat, north: lat + dLat, west: lng - dLng, east: lng + dLng };
}
