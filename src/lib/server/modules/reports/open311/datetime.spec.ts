import { describe, expect, it } from 'vitest';
import { endOfDay, parseW3c, w3c } from './datetime.ts';

describe('Open311 datetimes', () => {
	it('always carry the Europe/Bucharest offset, winter and summer', () => {
		expect(w3c(new Date('2026-01-15T10:00:00Z'))).toBe('2026-01-15T12:00:00+02:00');
		expect(w3c(new Date('2026-07-15T10:00:00Z'))).toBe('2026-07-15T13:00:00+03:00');
		expect(endOfDay('2026-12-23')).toBe('2026-12-23T23:59:59+02:00');
		expect(endOfDay(null)).toBeNull();
	});

	it('change offset exactly when the clocks change (last Sundays of March and October, 01:00 UTC)', () => {
		expect(w3c(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29T02:59:59+02:00');
		expect(w3c(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T04:00:00+03:00');
		expect(w3c(new Date('2026-10-25T00:59:59Z'))).toBe('2026-10-25T03:59:59+03:00');
		expect(w3c(new Date('2026-10-25T01:00:00Z'))).toBe('2026-10-25T03:00:00+02:00');
		expect(w3c(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01T00:30:00+02:00');
	});

	it('parse W3C datetimes with an offset or Z, and plain dates as whole Bucharest days', () => {
		expect(parseW3c('2026-04-14T06:37:38+03:00')?.toISOString()).toBe('2026-04-14T03:37:38.000Z');
		expect(parseW3c('2026-04-14T06:37:38Z')?.toISOString()).toBe('2026-04-14T06:37:38.000Z');
		// An unencoded `+` in a query string arrives as a space.
		expect(parseW3c('2026-04-14T06:37:38 03:00')?.toISOString()).toBe('2026-04-14T03:37:38.000Z');
		expect(parseW3c('2026-01-10')?.toISOString()).toBe('2026-01-09T22:00:00.000Z');
		expect(parseW3c('2026-01-10', true)?.toISOString()).toBe('2026-01-10T21:59:59.999Z');
		expect(parseW3c('2026-04-14T06:37:38')).toBeNull();
		expect(parseW3c('yesterday')).toBeNull();
	});
});
