import { describe, expect, it } from 'vitest';
import { freeSeats, hasSeat, noticeCheck, promotionsFrom, registrationCode, registrationState } from './rules.ts';

const t = (iso: string) => new Date(iso);

describe('the Law 52/2003 art. 8 notice for public meetings', () => {
	// A meeting on Thursday 10 December 2026 at 18:00 in Timișoara must be announced by Monday 7 December.
	const meeting = t('2026-12-10T16:00:00Z');
	it('is on time up to the end of the third day before, in Bucharest time', () => {
		expect(noticeCheck(meeting, t('2026-12-01T09:00:00Z'))).toMatchObject({
			onTime: true,
			lastDayToAnnounce: '2026-12-07'
		});
		// 23:30 on 7 December in Bucharest is still 7 December there (21:30 UTC).
		expect(noticeCheck(meeting, t('2026-12-07T21:30:00Z')).onTime).toBe(true);
		// 00:30 on 8 December in Bucharest is 22:30 UTC on the 7th: already too late.
		expect(noticeCheck(meeting, t('2026-12-07T22:30:00Z')).onTime).toBe(false);
		expect(noticeCheck(meeting, t('2026-12-09T10:00:00Z')).onTime).toBe(false);
	});
	it('cites its article', () => {
		expect(noticeCheck(meeting, t('2026-12-01T09:00:00Z')).rule).toMatch(/52\/2003.*art\. 8/);
	});
});

describe('registration state', () => {
	const base = {
		status: 'published',
		registrationEnabled: true,
		registrationOpensAt: null,
		registrationClosesAt: null,
		startsAt: t('2026-12-10T16:00:00Z')
	};
	const now = t('2026-12-05T10:00:00Z');
	it('follows status, window and start', () => {
		expect(registrationState(base, now)).toBe('open');
		expect(registrationState({ ...base, status: 'draft' }, now)).toBe('draft');
		expect(registrationState({ ...base, status: 'cancelled' }, now)).toBe('cancelled');
		expect(registrationState({ ...base, registrationEnabled: false }, now)).toBe('disabled');
		expect(registrationState({ ...base, registrationOpensAt: t('2026-12-06T00:00:00Z') }, now)).toBe('not_yet');
		expect(registrationState({ ...base, registrationClosesAt: now }, now)).toBe('closed');
		expect(registrationState(base, base.startsAt)).toBe('past');
	});
});

describe('seats and the waiting list', () => {
	it('counts seats, unlimited when there is no capacity', () => {
		expect(hasSeat(null, 10_000)).toBe(true);
		expect(hasSeat(2, 1)).toBe(true);
		expect(hasSeat(2, 2)).toBe(false);
		expect(freeSeats(5, 3, 10)).toBe(2);
		expect(freeSeats(5, 7, 10)).toBe(0);
		expect(freeSeats(null, 3, 4)).toBe(4);
	});
	it('promotes first come, first served, never more than the free seats', () => {
		const w = (id: string, since: string) => ({ id, waitingSince: t(since), createdAt: t('2026-01-01T00:00:00Z') });
		const waiting = [w('c', '2026-12-03T10:00:00Z'), w('a', '2026-12-01T10:00:00Z'), w('b', '2026-12-02T10:00:00Z')];
		expect(promotionsFrom(waiting, 2).map((x) => x.id)).toEqual(['a', 'b']);
		expect(promotionsFrom(waiting, 0)).toEqual([]);
		expect(promotionsFrom(waiting, 10).map((x) => x.id)).toEqual(['a', 'b', 'c']);
	});
	it('makes readable registration codes', () => {
		let i = 0;
		const code = registrationCode((n) => i++ % n);
		expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
	});
});
