import { describe, expect, it } from 'vitest';
import { addCalendarDays, dateInBucharest } from './date.ts';
import {
	addWorkingDays,
	isWorkingDay,
	nextWorkingDayOnOrAfter,
	workingDayPredicate,
	workingDaysBetween
} from './working-days.ts';

describe('working days', () => {
	it('excludes weekends, public holidays and configured extra days', () => {
		expect(isWorkingDay('2026-11-23')).toBe(true); // Monday
		expect(isWorkingDay('2026-11-22')).toBe(false); // Sunday
		expect(isWorkingDay('2026-11-21')).toBe(false); // Saturday
		expect(isWorkingDay('2026-11-30')).toBe(false); // St Andrew, Monday
		expect(isWorkingDay('2026-01-05')).toBe(true);
		expect(isWorkingDay('2026-01-05', { extraNonWorkingDays: ['2026-01-05'] })).toBe(false);
		expect(() => workingDayPredicate({ extraNonWorkingDays: ['5 Jan'] })).toThrow(RangeError);
	});

	it('steps over Orthodox Easter (Good Friday to Easter Monday)', () => {
		expect(addWorkingDays('2026-04-09', 1)).toBe('2026-04-14');
		expect(addWorkingDays('2026-04-14', -1)).toBe('2026-04-09');
		expect(workingDaysBetween('2026-04-09', '2026-04-14')).toBe(1);
		expect(addWorkingDays('2026-04-10', 1)).toBe('2026-04-14'); // starting on a holiday
	});

	it('steps over Pentecost Monday and Children’s Day (the same day in 2026)', () => {
		expect(addWorkingDays('2026-05-29', 1)).toBe('2026-06-02');
	});

	it('steps over Christmas, the year end and 6–7 January', () => {
		expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-28');
		expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
		expect(addWorkingDays('2026-12-31', 3)).toBe('2027-01-08');
		expect(workingDaysBetween('2026-12-23', '2027-01-08')).toBe(8);
		expect(workingDaysBetween('2027-01-08', '2026-12-23')).toBe(-8);
		expect(addWorkingDays('2027-01-08', -8)).toBe('2026-12-23');
	});

	it('honours extra non-working days in arithmetic', () => {
		expect(addWorkingDays('2026-01-02', 1)).toBe('2026-01-05');
		expect(addWorkingDays('2026-01-02', 1, { extraNonWorkingDays: ['2026-01-05'] })).toBe('2026-01-08');
		expect(workingDaysBetween('2026-01-01', '2026-01-09', { extraNonWorkingDays: ['2026-01-05'] })).toBe(2);
	});

	it('returns the start for n = 0 and rejects fractional counts', () => {
		expect(addWorkingDays('2026-11-22', 0)).toBe('2026-11-22');
		expect(workingDaysBetween('2026-11-22', '2026-11-22')).toBe(0);
		expect(() => addWorkingDays('2026-11-22', 0.5)).toThrow(RangeError);
	});

	it('is the inverse of workingDaysBetween, in both directions', () => {
		for (let i = 0; i < 400; i += 7) {
			const start = addCalendarDays('2025-11-01', i);
			for (const n of [-45, -10, -1, 1, 3, 10, 30, 45]) {
				expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
			}
		}
	});

	it('counts 2026 as 250 working days', () => {
		// 261 weekdays; holidays on weekdays: 1, 2, 6, 7 Jan; 10, 13 Apr; 1 May; 1 Jun; 30 Nov; 1 Dec; 25 Dec.
		expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(250);
	});

	it('nextWorkingDayOnOrAfter keeps a working day and carries a non-working one', () => {
		expect(nextWorkingDayOnOrAfter('2026-11-23')).toBe('2026-11-23');
		expect(nextWorkingDayOnOrAfter('2026-11-28')).toBe('2026-12-02'); // Sat → Sun → 30 Nov → 1 Dec → Wed
	});

	it('turns instants on DST-change days into the right working days', () => {
		// 2026-03-29 (Sunday, spring forward): 01:30 local on Monday 30 March is 22:30Z on Sunday.
		const mondayEarly = dateInBucharest(new Date('2026-03-29T22:30:00Z'));
		expect(mondayEarly).toBe('2026-03-30');
		expect(isWorkingDay(mondayEarly)).toBe(true);
		expect(addWorkingDays(dateInBucharest(new Date('2026-03-29T12:00:00Z')), 1)).toBe('2026-03-30');
		// 2026-10-25 (Sunday, fall back): 23:30Z on Saturday 24 is already 02:30 on Sunday 25 local.
		const sunday = dateInBucharest(new Date('2026-10-24T23:30:00Z'));
		expect(sunday).toBe('2026-10-25');
		expect(isWorkingDay(sunday)).toBe(false);
		expect(addWorkingDays(sunday, 1)).toBe('2026-10-26');
	});
});
