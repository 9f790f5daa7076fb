import { describe, expect, it } from 'vitest';
import { holidaysOn, isPublicHoliday, publicHolidays } from './holidays.ts';

describe('Romanian legal public holidays (Labour Code art. 139)', () => {
	it('lists every holiday of 2026', () => {
		expect(publicHolidays(2026).map((h) => [h.date, h.id])).toEqual([
			['2026-01-01', 'new-year'],
			['2026-01-02', 'new-year-2'],
			['2026-01-06', 'epiphany'],
			['2026-01-07', 'st-john-baptist'],
			['2026-01-24', 'union-day'],
			['2026-04-10', 'good-friday'],
			['2026-04-12', 'easter'],
			['2026-04-13', 'easter-monday'],
			['2026-05-01', 'labour-day'],
			['2026-05-31', 'pentecost'],
			['2026-06-01', 'childrens-day'],
			['2026-06-01', 'pentecost-monday'],
			['2026-08-15', 'assumption'],
			['2026-11-30', 'st-andrew'],
			['2026-12-01', 'national-day'],
			['2026-12-25', 'christmas'],
			['2026-12-26', 'christmas-2']
		]);
	});

	it('reports both holidays when two coincide (1 June 2026)', () => {
		expect(holidaysOn('2026-06-01').map((h) => h.id)).toEqual(['childrens-day', 'pentecost-monday']);
		expect(holidaysOn('2026-06-02')).toEqual([]);
	});

	it('moves Good Friday, Easter and Pentecost with Orthodox Easter', () => {
		const ids = (y: number) => Object.fromEntries(publicHolidays(y).map((h) => [h.id, h.date]));
		expect(ids(2024)).toMatchObject({
			'good-friday': '2024-05-03',
			easter: '2024-05-05',
			'easter-monday': '2024-05-06',
			pentecost: '2024-06-23',
			'pentecost-monday': '2024-06-24'
		});
		expect(ids(2027)).toMatchObject({
			'good-friday': '2027-04-30',
			easter: '2027-05-02',
			'easter-monday': '2027-05-03',
			pentecost: '2027-06-20',
			'pentecost-monday': '2027-06-21'
		});
	});

	it('answers isPublicHoliday for holidays and ordinary days', () => {
		expect(isPublicHoliday('2026-01-07')).toBe(true);
		expect(isPublicHoliday('2026-01-08')).toBe(false);
		expect(isPublicHoliday('2026-04-10')).toBe(true);
		expect(isPublicHoliday('2026-04-05')).toBe(false); // Western Easter 2026 is not a holiday
		expect(isPublicHoliday('2026-04-06')).toBe(false);
		expect(isPublicHoliday('2026-12-24')).toBe(false);
	});

	it('returns frozen, cached lists', () => {
		const list = publicHolidays(2026);
		expect(publicHolidays(2026)).toBe(list);
		expect(Object.isFrozen(list)).toBe(true);
		expect(publicHolidays(2025)).toHaveLength(17);
	});
});
