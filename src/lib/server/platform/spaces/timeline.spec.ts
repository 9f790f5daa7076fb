import { describe, expect, it } from 'vitest';
import { checkPhaseDates, cityToday, currentPhaseAt, isCalendarDate, timelineAt } from './timeline.ts';

const phases = [
	{ id: 'c', position: 2, startsOn: '2025-05-01', endsOn: '2025-05-31' },
	{ id: 'a', position: 0, startsOn: '2025-03-01', endsOn: '2025-03-31' },
	{ id: 'b', position: 1, startsOn: '2025-04-01', endsOn: '2025-04-15' }
];

describe('the current phase', () => {
	it('is the phase whose inclusive dates contain the day in Timișoara', () => {
		expect(currentPhaseAt(phases, new Date('2025-04-10T12:00:00Z'))?.id).toBe('b');
	});

	it('starts at midnight in Timișoara, not in UTC (the first day of a phase)', () => {
		// 2025-03-31T21:30Z is 00:30 on 1 April in Bucharest (UTC+3, summer time).
		expect(currentPhaseAt(phases, new Date('2025-03-31T21:30:00Z'))?.id).toBe('b');
		// 20:59Z is still 23:59 on 31 March there: the last day of phase a.
		expect(currentPhaseAt(phases, new Date('2025-03-31T20:59:00Z'))?.id).toBe('a');
	});

	it('uses winter time (UTC+2) in winter', () => {
		expect(cityToday(new Date('2025-01-14T22:00:00Z'))).toBe('2025-01-15');
		expect(cityToday(new Date('2025-01-14T21:59:59Z'))).toBe('2025-01-14');
	});

	it('includes the last day of a phase and ends the day after', () => {
		expect(currentPhaseAt(phases, new Date('2025-05-31T20:00:00Z'))?.id).toBe('c');
		expect(currentPhaseAt(phases, new Date('2025-05-31T21:00:00Z'))).toBeNull();
	});

	it('is none in a gap between phases, and then the next phase is named', () => {
		const t = timelineAt(phases, new Date('2025-04-20T10:00:00Z'));
		expect(t.current).toBeNull();
		expect(t.next?.id).toBe('c');
		expect(t.previous?.id).toBe('b');
		expect(t.phases.map((p) => p.status)).toEqual(['past', 'past', 'upcoming']);
	});

	it('is none before the first phase and after the last', () => {
		expect(timelineAt(phases, new Date('2025-01-01T10:00:00Z')).next?.id).toBe('a');
		const after = timelineAt(phases, new Date('2026-01-01T10:00:00Z'));
		expect(after.current).toBeNull();
		expect(after.next).toBeNull();
		expect(after.previous?.id).toBe('c');
	});

	it('orders phases by date and marks past, current and upcoming', () => {
		const t = timelineAt(phases, new Date('2025-04-01T10:00:00Z'));
		expect(t.phases.map((p) => [p.id, p.status])).toEqual([
			['a', 'past'],
			['b', 'current'],
			['c', 'upcoming']
		]);
	});

	it('is none for a process without phases', () => {
		expect(timelineAt([], new Date()).current).toBeNull();
	});
});

describe('phase dates', () => {
	it('accept adjacent phases and gaps', () => {
		expect(checkPhaseDates({ startsOn: '2025-04-16', endsOn: '2025-04-30' }, phases)).toEqual({});
		expect(checkPhaseDates({ startsOn: '2025-06-01', endsOn: '2025-06-01' }, phases)).toEqual({});
	});

	it('refuse an end before the start', () => {
		expect(checkPhaseDates({ startsOn: '2025-07-02', endsOn: '2025-07-01' }, [])).toEqual({
			endsOn: 'processes_phase_error_end_before_start'
		});
	});

	it('refuse an overlap, including a shared boundary day', () => {
		expect(checkPhaseDates({ startsOn: '2025-03-31', endsOn: '2025-03-31' }, phases)).toEqual({
			startsOn: 'processes_phase_error_overlap'
		});
		expect(checkPhaseDates({ startsOn: '2025-01-01', endsOn: '2025-12-31' }, phases)).toEqual({
			startsOn: 'processes_phase_error_overlap'
		});
	});

	it('ignore the phase being edited', () => {
		expect(checkPhaseDates({ id: 'b', startsOn: '2025-04-01', endsOn: '2025-04-20' }, phases)).toEqual({});
	});

	it('refuse impossible dates', () => {
		expect(isCalendarDate('2025-02-30')).toBe(false);
		expect(isCalendarDate('2024-02-29')).toBe(true);
		expect(checkPhaseDates({ startsOn: '2025-13-01', endsOn: '2025-12-01' }, [])).toEqual({
			startsOn: 'validation_date'
		});
	});
});
