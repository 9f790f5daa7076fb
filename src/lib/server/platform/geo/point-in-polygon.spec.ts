import { describe, expect, it } from 'vitest';
import { containsPoint } from './point-in-polygon.ts';

const outer = [
	[21.2, 45.7],
	[21.3, 45.7],
	[21.3, 45.8],
	[21.2, 45.8],
	[21.2, 45.7]
];
const hole = [
	[21.24, 45.74],
	[21.26, 45.74],
	[21.26, 45.76],
	[21.24, 45.76],
	[21.24, 45.74]
];

describe('containsPoint', () => {
	it('finds a point inside a polygon and not outside it', () => {
		const g = { type: 'Polygon' as const, coordinates: [outer] };
		expect(containsPoint(g, 21.25, 45.75)).toBe(true);
		expect(containsPoint(g, 21.35, 45.75)).toBe(false);
		expect(containsPoint(g, 21.25, 45.65)).toBe(false);
	});

	it('respects holes', () => {
		const g = { type: 'Polygon' as const, coordinates: [outer, hole] };
		expect(containsPoint(g, 21.25, 45.75)).toBe(false);
		expect(containsPoint(g, 21.21, 45.71)).toBe(true);
	});

	it('checks every part of a MultiPolygon', () => {
		const far = outer.map(([x, y]) => [x + 1, y]);
		const g = { type: 'MultiPolygon' as const, coordinates: [[outer], [far]] };
		expect(containsPoint(g, 22.25, 45.75)).toBe(true);
		expect(containsPoint(g, 21.75, 45.75)).toBe(false);
	});
});
