import { describe, expect, it } from 'vitest';
import {
	addCalendarDays,
	calendarDaysBetween,
	dateInBucharest,
	dayOfWeek,
	endOfDayInBucharest,
	fromEpochDay,
	isIsoDate,
	parseIsoDate,
	startOfDayInBucharest,
	toEpochDay,
	todayInBucharest
} from './date.ts';

describe('ISO calendar dates', () => {
	it('parses real dates and rejects impossible ones', () => {
		expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
		expect(parseIsoDate('2026-02-29')).toBeNull();
		expect(parseIsoDate('2026-13-01')).toBeNull();
		expect(parseIsoDate('2026-4-1')).toBeNull();
		expect(isIsoDate('2026-04-12')).toBe(true);
		expect(isIsoDate(20260412)).toBe(false);
		expect(() => addCalendarDays('12.04.2026', 1)).toThrow(RangeError);
	});

	it('round-trips epoch days and agrees with Date.UTC over four centuries of sample days', () => {
		expect(toEpochDay('1970-01-01')).toBe(0);
		for (let n = -200_000; n <= 200_000; n += 997) {
			const iso = fromEpochDay(n);
			expect(toEpochDay(iso)).toBe(n);
			expect(iso).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
		}
	});

	it('adds calendar days across month, year and leap-day boundaries', () => {
		expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
		expect(addCalendarDays('2026-01-15', 365)).toBe('2027-01-15');
		expect(calendarDaysBetween('2026-01-01', '2027-01-01')).toBe(365);
		expect(calendarDaysBetween('2026-03-10', '2026-03-01')).toBe(-9);
		expect(() => addCalendarDays('2026-01-01', 1.5)).toThrow(RangeError);
	});

	it('knows the day of the week', () => {
		expect(dayOfWeek('2026-04-12')).toBe(0); // Orthodox Easter is a Sunday
		expect(dayOfWeek('2026-11-22')).toBe(0);
		expect(dayOfWeek('2026-12-25')).toBe(5);
		expect(dayOfWeek('1969-12-31')).toBe(3);
	});
});

describe('Europe/Bucharest conversions', () => {
	it('maps instants to the Bucharest date, not the UTC date', () => {
		expect(dateInBucharest(new Date('2026-06-30T21:30:00Z'))).toBe('2026-07-01'); // 00:30 EEST
		expect(dateInBucharest(new Date('2026-06-30T20:59:59Z'))).toBe('2026-06-30');
		expect(dateInBucharest(new Date('2026-12-31T22:00:00Z'))).toBe('2027-01-01'); // 00:00 EET
		expect(dateInBucharest(Date.parse('2026-12-31T21:59:59Z'))).toBe('2026-12-31');
		expect(todayInBucharest(new Date('2026-11-22T23:00:00Z'))).toBe('2026-11-23');
	});

	it('finds local midnight on ordinary and DST days', () => {
		expect(startOfDayInBucharest('2026-01-15').toISOString()).toBe('2026-01-14T22:00:00.000Z');
		expect(startOfDayInBucharest('2026-07-15').toISOString()).toBe('2026-07-14T21:00:00.000Z');
		// 2026-03-29: clocks go 03:00 → 04:00; the day starts at UTC+2 and has 23 hours.
		expect(startOfDayInBucharest('2026-03-29').toISOString()).toBe('2026-03-28T22:00:00.000Z');
		expect(endOfDayInBucharest('2026-03-29').toISOString()).toBe('2026-03-29T21:00:00.000Z');
		// 2026-10-25: clocks go 04:00 → 03:00; the day starts at UTC+3 and has 25 hours.
		expect(startOfDayInBucharest('2026-10-25').toISOString()).toBe('2026-10-24T21:00:00.000Z');
		expect(endOfDayInBucharest('2026-10-25').toISOString()).toBe('2026-10-25T22:00:00.000Z');
	});

	it('keeps every instant of a DST day on that date', () => {
		for (const day of ['2026-03-29', '2026-10-25']) {
			const start = startOfDayInBucharest(day).getTime();
			const end = endOfDayInBucharest(day).getTime();
			for (let t = start; t < end; t += 15 * 60_000) expect(dateInBucharest(t)).toBe(day);
			expect(dateInBucharest(end)).toBe(addCalendarDays(day, 1));
			expect(dateInBucharest(start - 1)).toBe(addCalendarDays(day, -1));
		}
	});

	it('rejects invalid instants', () => {
		expect(() => dateInBucharest(new Date('nope'))).toThrow(RangeError);
	});
});
