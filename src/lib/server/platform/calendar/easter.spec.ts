import { describe, expect, it } from 'vitest';
import { julianToGregorianOffset, orthodoxEaster } from './easter.ts';

describe('Orthodox Easter', () => {
	// Dates published by the Romanian Orthodox Church calendar.
	const known: Record<number, string> = {
		2020: '2020-04-19',
		2021: '2021-05-02',
		2022: '2022-04-24',
		2023: '2023-04-16',
		2024: '2024-05-05',
		2025: '2025-04-20',
		2026: '2026-04-12',
		2027: '2027-05-02',
		2028: '2028-04-16',
		2029: '2029-04-08',
		2030: '2030-04-28'
	};

	it.each(Object.entries(known))('%s → %s', (year, date) => {
		expect(orthodoxEaster(Number(year))).toBe(date);
	});

	it('is always a Sunday between 4 April and 8 May (Gregorian) in 1900–2099', () => {
		for (let y = 1900; y <= 2099; y++) {
			const date = orthodoxEaster(y);
			expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(0);
			expect(date.slice(5) >= '04-04' && date.slice(5) <= '05-08').toBe(true);
		}
	});

	it('uses the right Julian → Gregorian offset', () => {
		expect(julianToGregorianOffset(2026)).toBe(13);
		expect(julianToGregorianOffset(1900)).toBe(13);
		expect(julianToGregorianOffset(2100)).toBe(14);
	});

	it('rejects years outside the Gregorian range', () => {
		expect(() => orthodoxEaster(1500)).toThrow(RangeError);
		expect(() => orthodoxEaster(2026.5)).toThrow(RangeError);
	});
});
