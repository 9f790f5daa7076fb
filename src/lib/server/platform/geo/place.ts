/**
 * Places on resources (a proposal's pin, a meeting's venue): reading the PlacePicker fields and finding the
 * neighbourhood under a pin. Store a place as `{ address, neighbourhoodId, lat, lng }` (all optional).
 */
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Db, type Tx } from '../db/index.ts';
import { neighbourhoods } from '../db/schema.ts';
import type { Translated } from '../db/columns.ts';
import { invalid, ok, type Result } from '../result.ts';
import { containsPoint } from './point-in-polygon.ts';

export type Place = {
	address: string | null;
	neighbourhoodId: string | null;
	lat: number | null;
	lng: number | null;
};

/** [west, south, east, north] of the area pins may be placed in; `MAP_BOUNDS` overrides Timișoara's. */
export function cityBounds(): [number, number, number, number] {
	const given = process.env.MAP_BOUNDS?.split(',').map(Number);
	if (given?.length === 4 && given.every(Number.isFinite)) return given as [number, number, number, number];
	// The administrative territory of Timișoara with a small margin (the OSM neighbourhoods cover only part of it).
	return [21.1, 45.66, 21.38, 45.84];
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
// Accepts "45,7537" as typed on a Romanian keyboard as well as "45.7537".
const coordinate = z.preprocess(
	(v) => (typeof v === 'string' ? v.trim().replace(',', '.') : v),
	z.coerce.number({ message: 'maps_place_coordinate_invalid' }).refine(Number.isFinite, 'maps_place_coordinate_invalid')
);

const PlaceFields = z
	.object({
		place_address: z.preprocess(blankToUndefined, z.string().trim().max(200, 'maps_place_address_too_long').optional()),
		place_neighbourhood_id: z.preprocess(blankToUndefined, z.string().max(64).optional()),
		place_lat: z.preprocess(blankToUndefined, coordinate.optional()),
		place_lng: z.preprocess(blankToUndefined, coordinate.optional())
	})
	.superRefine((v, ctx) => {
		if ((v.place_lat === undefined) !== (v.place_lng === undefined)) {
			const path = v.place_lat === undefined ? 'place_lat' : 'place_lng';
			ctx.addIssue({ code: 'custom', path: [path], message: 'maps_place_coordinates_both' });
			return;
		}
		if (v.place_lat === undefined || v.place_lng === undefined) return;
		const [west, south, east, north] = cityBounds();
		if (v.place_lat < south || v.place_lat > north)
			ctx.addIssue({ code: 'custom', path: ['place_lat'], message: 'maps_place_outside_city' });
		if (v.place_lng < west || v.place_lng > east)
			ctx.addIssue({ code: 'custom', path: ['place_lng'], message: 'maps_place_outside_city' });
	});

const field = (form: FormData | Record<string, unknown>, name: string) =>
	form instanceof FormData ? (form.get(name) ?? undefined) : form[name];

/**
 * Reads and validates the PlacePicker fields. An unknown neighbourhood is refused; with a pin and no chosen
 * neighbourhood, the neighbourhood under the pin is filled in. `required` demands an address, a neighbourhood or a pin.
 */
export async function readPlace(
	db: Db | Tx,
	form: FormData | Record<string, unknown>,
	options: { required?: boolean } = {}
): Promise<Result<Place>> {
	const parsed = PlaceFields.safeParse({
		place_address: field(form, 'place_address'),
		place_neighbourhood_id: field(form, 'place_neighbourhood_id'),
		place_lat: field(form, 'place_lat'),
		place_lng: field(form, 'place_lng')
	});
	if (!parsed.success) return invalid(parsed.error);
	const v = parsed.data;
	let neighbourhoodId = v.place_neighbourhood_id ?? null;
	if (neighbourhoodId) {
		const [row] = await db
			.select({ id: neighbourhoods.id })
			.from(neighbourhoods)
			.where(eq(neighbourhoods.id, neighbourhoodId));
		if (!row) return invalid({ place_neighbourhood_id: 'maps_place_neighbourhood_unknown' });
	}
	const lat = v.place_lat ?? null;
	const lng = v.place_lng ?? null;
	if (!neighbourhoodId && lat !== null && lng !== null)
		neighbourhoodId = (await neighbourhoodAt(db, lat, lng))?.id ?? null;
	const place: Place = { address: v.place_address || null, neighbourhoodId, lat, lng };
	if (options.required && !place.address && !place.neighbourhoodId && place.lat === null)
		return invalid({ place_address: 'maps_place_required' });
	return ok(place);
}

/** The neighbourhood whose boundary contains the point, or null (the OSM polygons do not cover the whole city). */
export async function neighbourhoodAt(
	db: Db | Tx,
	lat: number,
	lng: number
): Promise<{ id: string; slug: string; name: Translated } | null> {
	// 31 small polygons: testing them in JS is cheaper than a PostGIS dependency (PGlite has none).
	const rows = await db
		.select({
			id: neighbourhoods.id,
			slug: neighbourhoods.slug,
			name: neighbourhoods.name,
			geometry: neighbourhoods.geometry
		})
		.from(neighbourhoods)
		.orderBy(asc(neighbourhoods.slug));
	const hit = rows.find((r) => r.geometry && containsPoint(r.geometry, lng, lat));
	return hit ? { id: hit.id, slug: hit.slug, name: hit.name } : null;
}

/** Every neighbourhood as a choice for the PlacePicker's `<select>` (names are public). */
export async function neighbourhoodChoices(db?: Db | Tx): Promise<{ id: string; slug: string; name: Translated }[]> {
	return (db ?? (await getDb()))
		.select({ id: neighbourhoods.id, slug: neighbourhoods.slug, name: neighbourhoods.name })
		.from(neighbourhoods)
		.orderBy(asc(neighbourhoods.slug));
}

/** The operator's tile server, when configured (`PUBLIC_MAP_TILE_URL` + `PUBLIC_MAP_TILE_ATTRIBUTION`). */
export function mapTiles(): { url: string; attribution: string } | null {
	const url = process.env.PUBLIC_MAP_TILE_URL;
	if (!url) return null;
	return { url, attribution: process.env.PUBLIC_MAP_TILE_ATTRIBUTION ?? '' };
}
