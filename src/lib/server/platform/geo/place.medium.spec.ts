import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { neighbourhoods } from '../db/schema.ts';
import { seedReferenceData } from '../../seed/reference.ts';
import { neighbourhoodAt, neighbourhoodChoices, readPlace } from './place.ts';
import { neighbourhoodsGeoJson } from './public-map.ts';

const database = useTestDatabase();
const db = () => database().db;
const idOf = async (slug: string) =>
	(await db().select({ id: neighbourhoods.id }).from(neighbourhoods).where(eq(neighbourhoods.slug, slug)))[0].id;

// Points inside the seeded OSM polygons of Iosefin and Fabric, and one in the city outside every polygon.
const IOSEFIN = { lat: 45.7459, lng: 21.2041 };
const FABRIC = { lat: 45.7548, lng: 21.2494 };
const UNCOVERED = { lat: 45.7, lng: 21.33 };

describe('neighbourhoodAt', () => {
	it('finds the neighbourhood under a point, or none where the polygons do not reach', async () => {
		await seedReferenceData(db());
		expect((await neighbourhoodAt(db(), IOSEFIN.lat, IOSEFIN.lng))?.slug).toBe('iosefin');
		expect((await neighbourhoodAt(db(), FABRIC.lat, FABRIC.lng))?.slug).toBe('fabric');
		expect(await neighbourhoodAt(db(), UNCOVERED.lat, UNCOVERED.lng)).toBeNull();
	});
});

describe('readPlace', () => {
	it('reads an empty place as all null, and a required empty place as an error', async () => {
		const empty = { place_address: '', place_neighbourhood_id: '', place_lat: '', place_lng: '' };
		expect(await readPlace(db(), empty)).toEqual({
			ok: true,
			value: { address: null, neighbourhoodId: null, lat: null, lng: null }
		});
		expect(await readPlace(db(), empty, { required: true })).toEqual({
			ok: false,
			errors: { place_address: 'maps_place_required' }
		});
	});

	it('fills the neighbourhood from the pin when none is chosen, and keeps a chosen one', async () => {
		await seedReferenceData(db());
		const form = new FormData();
		form.set('place_address', '  Strada Gheorghe Lazăr 2 ');
		form.set('place_lat', String(IOSEFIN.lat).replace('.', ','));
		form.set('place_lng', String(IOSEFIN.lng));
		expect(await readPlace(db(), form)).toEqual({
			ok: true,
			value: { address: 'Strada Gheorghe Lazăr 2', neighbourhoodId: await idOf('iosefin'), ...IOSEFIN }
		});
		form.set('place_neighbourhood_id', await idOf('fabric'));
		const chosen = await readPlace(db(), form);
		expect(chosen.ok && chosen.value.neighbourhoodId).toBe(await idOf('fabric'));
	});

	it('refuses points outside the city, half coordinates, non-numbers, unknown neighbourhoods and long addresses', async () => {
		expect(await readPlace(db(), { place_lat: '44.43', place_lng: '26.10' })).toEqual({
			ok: false,
			errors: { place_lat: 'maps_place_outside_city', place_lng: 'maps_place_outside_city' }
		});
		expect(await readPlace(db(), { place_lat: '45.75', place_lng: '' })).toEqual({
			ok: false,
			errors: { place_lng: 'maps_place_coordinates_both' }
		});
		expect(await readPlace(db(), { place_lat: 'nord', place_lng: '21.2' })).toEqual({
			ok: false,
			errors: { place_lat: 'maps_place_coordinate_invalid' }
		});
		expect(await readPlace(db(), { place_neighbourhood_id: 'missing' })).toEqual({
			ok: false,
			errors: { place_neighbourhood_id: 'maps_place_neighbourhood_unknown' }
		});
		expect(await readPlace(db(), { place_address: 'x'.repeat(201) })).toEqual({
			ok: false,
			errors: { place_address: 'maps_place_address_too_long' }
		});
	});
});

describe('public map data', () => {
	it('serves every neighbourhood with a boundary as GeoJSON with the ODbL attribution, and choices for the select', async () => {
		await seedReferenceData(db());
		const fc = await neighbourhoodsGeoJson();
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features).toHaveLength(31);
		expect(fc.attribution).toContain('OpenStreetMap');
		expect(fc.tiles).toBeNull();
		expect(fc.features.find((f) => f.properties.slug === 'iosefin')?.geometry?.type).toBe('Polygon');
		expect((await neighbourhoodChoices()).map((n) => n.slug)).toContain('fabric');
	});
});
