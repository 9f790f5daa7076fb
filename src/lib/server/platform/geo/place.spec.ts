import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/index.ts';
import { cityBounds, readPlace } from './place.ts';

// These cases are decided by the form alone: a database that is touched fails the test.
const noDb = new Proxy(
	{},
	{
		get() {
			throw new Error('the database was used');
		}
	}
) as unknown as Db;

afterEach(() => {
	delete process.env.MAP_BOUNDS;
});

describe('readPlace (form only)', () => {
	it.each([
		[
			'Bucharest',
			{ place_lat: '44.43', place_lng: '26.10' },
			{ place_lat: 'maps_place_outside_city', place_lng: 'maps_place_outside_city' }
		],
		['only a latitude', { place_lat: '45.75' }, { place_lng: 'maps_place_coordinates_both' }],
		['only a longitude', { place_lng: '21.22' }, { place_lat: 'maps_place_coordinates_both' }],
		['text for a number', { place_lat: 'nord', place_lng: '21.2' }, { place_lat: 'maps_place_coordinate_invalid' }],
		['infinity', { place_lat: 'Infinity', place_lng: '21.2' }, { place_lat: 'maps_place_coordinate_invalid' }],
		['a long address', { place_address: 'x'.repeat(201) }, { place_address: 'maps_place_address_too_long' }]
	])('refuses %s', async (_what, form, errors) => {
		expect(await readPlace(noDb, form)).toEqual({ ok: false, errors });
	});

	it('accepts an address alone and trims it', async () => {
		expect(await readPlace(noDb, { place_address: '  Piața Victoriei 1 ' })).toEqual({
			ok: true,
			value: { address: 'Piața Victoriei 1', neighbourhoodId: null, lat: null, lng: null }
		});
	});

	it('takes the city bounds from MAP_BOUNDS when set, and ignores a malformed value', () => {
		expect(cityBounds()).toEqual([21.1, 45.66, 21.38, 45.84]);
		process.env.MAP_BOUNDS = '23.5,46.7,23.7,46.8';
		expect(cityBounds()).toEqual([23.5, 46.7, 23.7, 46.8]);
		process.env.MAP_BOUNDS = '23.5,46.7';
		expect(cityBounds()).toEqual([21.1, 45.66, 21.38, 45.84]);
	});
});
