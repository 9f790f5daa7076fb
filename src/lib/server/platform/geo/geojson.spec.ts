import { describe, expect, it } from 'vitest';
import { checkGeometry, parseGeometryUpload } from './geojson.ts';

const square = [
	[21.2, 45.7],
	[21.3, 45.7],
	[21.3, 45.8],
	[21.2, 45.8],
	[21.2, 45.7]
];
const polygon = { type: 'Polygon', coordinates: [square] };

describe('GeoJSON boundary upload', () => {
	it('accepts a bare Polygon', () => {
		expect(parseGeometryUpload(JSON.stringify(polygon))).toEqual({ ok: true, geometry: polygon });
	});

	it('accepts a Feature and a MultiPolygon', () => {
		const multi = { type: 'MultiPolygon', coordinates: [[square], [square]] };
		expect(checkGeometry({ type: 'Feature', properties: {}, geometry: multi })).toEqual({ ok: true, geometry: multi });
	});

	it('merges the polygons of a FeatureCollection into one MultiPolygon', () => {
		const fc = {
			type: 'FeatureCollection',
			features: [
				{ type: 'Feature', geometry: polygon },
				{ type: 'Feature', geometry: polygon }
			]
		};
		const r = checkGeometry(fc);
		expect(r.ok && r.geometry.type).toBe('MultiPolygon');
		expect(r.ok && (r.geometry.coordinates as unknown[]).length).toBe(2);
	});

	it('drops altitudes', () => {
		const withZ = { type: 'Polygon', coordinates: [square.map(([x, y]) => [x, y, 90])] };
		expect(checkGeometry(withZ)).toEqual({ ok: true, geometry: polygon });
	});

	it.each([
		['not JSON', '{"type": "Polygon",', 'admin_geojson_not_json'],
		['empty', '  ', 'admin_geojson_empty'],
		['a point', JSON.stringify({ type: 'Point', coordinates: [21.2, 45.7] }), 'admin_geojson_wrong_type'],
		['a line', JSON.stringify({ type: 'LineString', coordinates: square }), 'admin_geojson_wrong_type'],
		[
			'an open ring',
			JSON.stringify({ type: 'Polygon', coordinates: [square.slice(0, 4)] }),
			'admin_geojson_ring_not_closed'
		],
		[
			'a ring of three positions',
			JSON.stringify({ type: 'Polygon', coordinates: [[square[0], square[1], square[0]]] }),
			'admin_geojson_ring_too_short'
		],
		[
			'projected metres (Stereo 70)',
			JSON.stringify({
				type: 'Polygon',
				coordinates: [
					[
						[208000, 476000],
						[209000, 476000],
						[209000, 477000],
						[208000, 476000]
					]
				]
			}),
			'admin_geojson_out_of_range'
		],
		[
			'latitude beyond 90',
			JSON.stringify({ type: 'Polygon', coordinates: [square.map(([x]) => [x, 95])] }),
			'admin_geojson_out_of_range'
		],
		[
			'text coordinates',
			JSON.stringify({ type: 'Polygon', coordinates: [[['21.2', '45.7']]] }),
			'admin_geojson_bad_coordinates'
		],
		['an empty collection', JSON.stringify({ type: 'FeatureCollection', features: [] }), 'admin_geojson_empty'],
		[
			'a collection with a point',
			JSON.stringify({
				type: 'FeatureCollection',
				features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] } }]
			}),
			'admin_geojson_wrong_type'
		],
		[
			'another coordinate system',
			JSON.stringify({ ...polygon, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3844' } } }),
			'admin_geojson_crs'
		]
	])('refuses %s', (_what, text, error) => {
		expect(parseGeometryUpload(text)).toEqual({ ok: false, error });
	});

	it('accepts an explicit WGS84 coordinate system', () => {
		const r = checkGeometry({
			...polygon,
			crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }
		});
		expect(r.ok).toBe(true);
	});
});
