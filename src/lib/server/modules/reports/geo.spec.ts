import { describe, expect, it } from 'vitest';
import { boxAround, distanceMeters } from './geo.ts';

describe('distances in the city', () => {
	it('measures Piața Victoriei to Piața Unirii as about half a kilometre', () => {
		const d = distanceMeters({ lat: 45.7537, lng: 21.2257 }, { lat: 45.7579, lng: 21.2289 });
		expect(d).toBeGreaterThan(450);
		expect(d).toBeLessThan(600);
	});

	it('boxes a circle so every point within the radius is inside the box', () => {
		const centre = { lat: 45.75, lng: 21.22 };
		const box = boxAround(centre.lat, centre.lng, 1000);
		for (const bearing of [0, 45, 90, 135, 180, 225, 270, 315]) {
			const b = (bearing * Math.PI) / 180;
			const p = { lat: centre.lat + 0.0089 * Math.cos(b), lng: centre.lng + 0.0128 * Math.sin(b) };
			if (distanceMeters(centre, p) > 1000) continue;
			expect(p.lat).toBeGreaterThanOrEqual(box.south);
			expect(p.lat).toBeLessThanOrEqual(box.north);
			expect(p.lng).toBeGreaterThanOrEqual(box.west);
			expect(p.lng).toBeLessThanOrEqual(box.east);
		}
		expect(distanceMeters(centre, { lat: box.north, lng: centre.lng })).toBeCloseTo(1000, -1);
	});
});
