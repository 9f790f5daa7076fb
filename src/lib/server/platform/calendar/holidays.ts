/**
 * Romanian legal public holidays ("zile de sărbătoare legală în care nu se lucrează"), Labour Code — Law 53/2003
 * art. 139(1), as in force in 2026 (6 and 7 January were added by Law 52/2023, first observed in 2024).
 * Sources: https://www.codulmuncii.ro/titlul_3/capitolul_2/sectiunea_3/art_139_1.html ,
 * https://www.contabun.ro/2023/03/07/legea-nr-522023-inca-doua-zile-libere-legale-pentru-salariati/ .
 * `../shared/reference/romania.md` asks for "Romanian public holidays" (§1.1) but does not list them; this list is
 * the one in the task brief, checked against the sources above.
 *
 * The same list is applied to every year: it is NOT historical (before 2024 there was no 6–7 January holiday, and
 * 24 January, 1 June and Good Friday are later additions too). Art. 139(1) also grants two days for each of three
 * feasts of non-Christian legal cults — only to their members, so they are not general non-working days. Days
 * off given to public-sector staff by Government decision (art. 139(4), "punți") and other one-off closures are
 * passed in as `extraNonWorkingDays` (see working-days.ts).
 */
import { addCalendarDays, assertIsoDate, formatIsoDate, type IsoDate } from './date.ts';
import { orthodoxEaster } from './easter.ts';

export type HolidayId =
	| 'new-year'
	| 'new-year-2'
	| 'epiphany'
	| 'st-john-baptist'
	| 'union-day'
	| 'good-friday'
	| 'easter'
	| 'easter-monday'
	| 'labour-day'
	| 'childrens-day'
	| 'pentecost'
	| 'pentecost-monday'
	| 'assumption'
	| 'st-andrew'
	| 'national-day'
	| 'christmas'
	| 'christmas-2';

export type PublicHoliday = {
	date: IsoDate;
	id: HolidayId;
	/** Official Romanian name. */
	name: string;
	/** English name (for logs, tests, non-localised exports; the UI translates `id`). */
	nameEn: string;
};

type FixedHoliday = { month: number; day: number; id: HolidayId; name: string; nameEn: string };
type MovableHoliday = { offset: number; id: HolidayId; name: string; nameEn: string };

const FIXED: readonly FixedHoliday[] = [
	{ month: 1, day: 1, id: 'new-year', name: 'Anul Nou', nameEn: "New Year's Day" },
	{ month: 1, day: 2, id: 'new-year-2', name: 'A doua zi de Anul Nou', nameEn: "Day after New Year's Day" },
	{ month: 1, day: 6, id: 'epiphany', name: 'Botezul Domnului – Boboteaza', nameEn: 'Epiphany' },
	{
		month: 1,
		day: 7,
		id: 'st-john-baptist',
		name: 'Soborul Sfântului Proroc Ioan Botezătorul',
		nameEn: 'Synaxis of St John the Baptist'
	},
	{ month: 1, day: 24, id: 'union-day', name: 'Ziua Unirii Principatelor Române', nameEn: 'Union Day' },
	{ month: 5, day: 1, id: 'labour-day', name: 'Ziua Muncii', nameEn: 'Labour Day' },
	{ month: 6, day: 1, id: 'childrens-day', name: 'Ziua Copilului', nameEn: "Children's Day" },
	{ month: 8, day: 15, id: 'assumption', name: 'Adormirea Maicii Domnului', nameEn: 'Dormition of the Mother of God' },
	{
		month: 11,
		day: 30,
		id: 'st-andrew',
		name: 'Sfântul Apostol Andrei cel Întâi chemat, Ocrotitorul României',
		nameEn: "St Andrew's Day"
	},
	{ month: 12, day: 1, id: 'national-day', name: 'Ziua Națională a României', nameEn: 'National Day' },
	{ month: 12, day: 25, id: 'christmas', name: 'Crăciunul', nameEn: 'Christmas Day' },
	{ month: 12, day: 26, id: 'christmas-2', name: 'A doua zi de Crăciun', nameEn: 'Second day of Christmas' }
];

/** Offsets in days from Orthodox Easter Sunday. Pentecost (Rusalii) is the 50th day counting Easter as day 1. */
const MOVABLE: readonly MovableHoliday[] = [
	{ offset: -2, id: 'good-friday', name: 'Vinerea Mare', nameEn: 'Orthodox Good Friday' },
	{ offset: 0, id: 'easter', name: 'Paștele (prima zi)', nameEn: 'Orthodox Easter Sunday' },
	{ offset: 1, id: 'easter-monday', name: 'Paștele (a doua zi)', nameEn: 'Orthodox Easter Monday' },
	{ offset: 49, id: 'pentecost', name: 'Rusaliile (prima zi)', nameEn: 'Orthodox Pentecost Sunday' },
	{ offset: 50, id: 'pentecost-monday', name: 'Rusaliile (a doua zi)', nameEn: 'Orthodox Pentecost Monday' }
];

const cache = new Map<number, readonly PublicHoliday[]>();

/**
 * Every legal public holiday of a year, sorted by date. Two holidays may fall on the same date (2026: Children's
 * Day and Pentecost Monday on 1 June); both are listed.
 */
export function publicHolidays(year: number): readonly PublicHoliday[] {
	const cached = cache.get(year);
	if (cached) return cached;
	const easter = orthodoxEaster(year);
	const list: PublicHoliday[] = [
		...FIXED.map(({ month, day, ...rest }) => ({ date: formatIsoDate(year, month, day), ...rest })),
		...MOVABLE.map(({ offset, ...rest }) => ({ date: addCalendarDays(easter, offset), ...rest }))
	];
	list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
	const frozen = Object.freeze(list.map((h) => Object.freeze(h)));
	cache.set(year, frozen);
	return frozen;
}

/** The holidays on a date (empty when it is not one; two entries when two coincide). */
export function holidaysOn(date: IsoDate): readonly PublicHoliday[] {
	const { year } = assertIsoDate(date);
	return publicHolidays(year).filter((h) => h.date === date);
}

export function isPublicHoliday(date: IsoDate): boolean {
	return holidaysOn(date).length > 0;
}
