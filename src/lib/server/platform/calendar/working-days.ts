/**
 * Working days: Monday–Friday that are neither a legal public holiday (holidays.ts) nor an extra non-working day
 * given by configuration (Government decisions granting days off, local closures) as ISO dates.
 */
import { addCalendarDays, assertIsoDate, dayOfWeek, toEpochDay, type IsoDate } from './date.ts';
import { isPublicHoliday } from './holidays.ts';

export type CalendarOptions = {
	/** Additional non-working days (ISO dates), e.g. a Government decision's "punte" or a city closure. */
	extraNonWorkingDays?: readonly IsoDate[];
};

/** A reusable predicate; validates the extra days once. */
export function workingDayPredicate(options: CalendarOptions = {}): (date: IsoDate) => boolean {
	const extra = new Set<IsoDate>();
	for (const d of options.extraNonWorkingDays ?? []) {
		assertIsoDate(d);
		extra.add(d);
	}
	return (date) => {
		const wd = dayOfWeek(date);
		return wd !== 0 && wd !== 6 && !isPublicHoliday(date) && !extra.has(date);
	};
}

export function isWorkingDay(date: IsoDate, options: CalendarOptions = {}): boolean {
	return workingDayPredicate(options)(date);
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDayOnOrAfter(date: IsoDate, options: CalendarOptions = {}): IsoDate {
	const working = workingDayPredicate(options);
	let d = date;
	while (!working(d)) d = addCalendarDays(d, 1);
	return d;
}

/**
 * The n-th working day after `date` (n > 0), or before it (n < 0); `date` itself is never counted, and need not be
 * a working day. n = 0 returns `date` unchanged.
 */
export function addWorkingDays(date: IsoDate, n: number, options: CalendarOptions = {}): IsoDate {
	if (!Number.isInteger(n)) throw new RangeError(`Working-day count must be an integer: ${n}`);
	assertIsoDate(date);
	const working = workingDayPredicate(options);
	const step = n < 0 ? -1 : 1;
	let d = date;
	for (let left = Math.abs(n); left > 0;) {
		d = addCalendarDays(d, step);
		if (working(d)) left--;
	}
	return d;
}

/**
 * Working days stepped onto when walking from `from` to `to` (`from` excluded, `to` included) — the inverse of
 * `addWorkingDays`: `workingDaysBetween(d, addWorkingDays(d, n)) === n` for any n. Negative when `to` is before
 * `from`; 0 for the same day.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, options: CalendarOptions = {}): number {
	const a = toEpochDay(from);
	const b = toEpochDay(to);
	if (a === b) return 0;
	const working = workingDayPredicate(options);
	const step = a < b ? 1 : -1;
	let count = 0;
	let d = from;
	do {
		d = addCalendarDays(d, step);
		if (working(d)) count++;
	} while (d !== to);
	return step * count;
}
