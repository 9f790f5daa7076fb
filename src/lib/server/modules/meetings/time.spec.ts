import { describe, expect, it } from 'vitest';
import { fromBucharestLocal, toBucharestLocal } from './time.ts';

describe('Bucharest wall time', () => {
	it('reads winter (UTC+2) and summer (UTC+3) times', () => {
		expect(fromBucharestLocal('2026-12-01T18:00')?.toISOString()).toBe('2026-12-01T16:00:00.000Z');
		expect(fromBucharestLocal('2026-07-01T18:30')?.toISOString()).toBe('2026-07-01T15:30:00.000Z');
	});
	it('handles the DST changes (29 March and 25 October 2026)', () => {
		// 03:30 does not exist on 29 March (clocks jump 03:00 → 04:00): resolved to the hour after.
		expect(fromBucharestLocal('2026-03-29T03:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
		// 03:30 happens twice on 25 October: the first one (summer time) is taken.
		expect(fromBucharestLocal('2026-10-25T03:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
		expect(fromBucharestLocal('2026-10-25T05:00')?.toISOString()).toBe('2026-10-25T03:00:00.000Z');
	});
	it('rejects malformed values and round-trips', () => {
		for (const bad of ['', '2026-02-30T10:00', '2026-12-01 18:00', '2026-13-01T10:00', 'mâine'])
			expect(fromBucharestLocal(bad)).toBeNull();
		expect(toBucharestLocal(new Date('2026-12-01T16:00:00Z'))).toBe('2026-12-01T18:00');
		expect(toBucharestLocal(fromBucharestLocal('2026-07-15T09:05'))).toBe('2026-07-15T09:05');
	});
});
