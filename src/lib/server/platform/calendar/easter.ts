/**
 * Orthodox Easter (Paști) as a Gregorian calendar date. The Romanian Orthodox Church keeps the Julian paschalion
 * (fixed Julian calendar for Easter), so: Meeus' Julian algorithm (J. Meeus, "Astronomical Algorithms", ch. 8)
 * gives the Julian date, then the Julian → Gregorian offset (13 days in 1900–2099) is added.
 */
import { addCalendarDays, formatIsoDate, type IsoDate } from './date.ts';

/** Days the Julian calendar lags the Gregorian one from March of `year` on (13 for 1900–2099, 14 for 2100–2199). */
export function julianToGregorianOffset(year: number): number {
	const century = Math.floor(year / 100);
	return century - Math.floor(century / 4) - 2;
}

/** Orthodox Easter Sunday for a year (1583–9999, Gregorian calendar in use). */
export function orthodoxEaster(year: number): IsoDate {
	if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
	const a = year % 4;
	const b = year % 7;
	const c = year % 19;
	const d = (19 * c + 15) % 30;
	const e = (2 * a + 4 * b - d + 34) % 7;
	const month = Math.floor((d + e + 114) / 31); // 3 = March, 4 = April (Julian)
	const day = ((d + e + 114) % 31) + 1;
	// The Julian date read as Gregorian fields, then shifted. Easter is always after February, so the offset
	// of the year itself applies (the century's skipped leap day has already happened).
	return addCalendarDays(formatIsoDate(year, month, day), julianToGregorianOffset(year));
}
