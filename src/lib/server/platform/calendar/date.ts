/**
 * Calendar dates without `Date`: an ISO `YYYY-MM-DD` string is a day on the wall calendar in Europe/Bucharest.
 * Arithmetic goes through "epoch days" (days since 1970-01-01, proleptic Gregorian), so no time zone, DST or
 * midnight rounding can shift a date. Instants (a `Date`, epoch milliseconds) become dates only through
 * `dateInBucharest`, which asks `Intl.DateTimeFormat` for the wall-clock date in Europe/Bucharest.
 */

/** A calendar date `YYYY-MM-DD` (Gregorian, years 0001–9999). Validated by `assertIsoDate` / `isIsoDate`. */
export type IsoDate = string;

/** Day of week as in `Date#getUTCDay`: 0 = Sunday … 6 = Saturday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const TIME_ZONE = 'Europe/Bucharest';

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
	return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Year, month (1–12) and day of an ISO date, or null when the string is not a real calendar date. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
	const m = ISO_RE.exec(value);
	if (!m) return null;
	const year = Number(m[1]);
	const month = Number(m[2]);
	const day = Number(m[3]);
	if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
	return typeof value === 'string' && parseIsoDate(value) !== null;
}

/** Throws a RangeError for anything that is not a real `YYYY-MM-DD` date (a bug in the caller, not user input). */
export function assertIsoDate(value: string): { year: number; month: number; day: number } {
	const parts = parseIsoDate(value);
	if (!parts) throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
	return parts;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
	return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil; exact integer arithmetic, proleptic Gregorian). */
export function fromParts(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const mp = (month + 9) % 12;
	const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

export function toEpochDay(date: IsoDate): number {
	const { year, month, day } = assertIsoDate(date);
	return fromParts(year, month, day);
}

/** Inverse of `toEpochDay` (H. Hinnant's civil_from_days). */
export function fromEpochDay(epochDay: number): IsoDate {
	const z = epochDay + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
	return formatIsoDate(year, month, day);
}

export function dayOfWeek(date: IsoDate): Weekday {
	// 1970-01-01 was a Thursday (4).
	return ((((toEpochDay(date) + 4) % 7) + 7) % 7) as Weekday;
}

export function isWeekend(date: IsoDate): boolean {
	const d = dayOfWeek(date);
	return d === 0 || d === 6;
}

/** `date` moved by `n` calendar days (n may be negative). */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
	if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
	return fromEpochDay(toEpochDay(date) + n);
}

/** Calendar days from `from` to `to` (positive when `to` is later; 0 for the same day). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
	return toEpochDay(to) - toEpochDay(from);
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
	return toEpochDay(a) - toEpochDay(b);
}

const bucharestParts = new Intl.DateTimeFormat('en-CA', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

function wallClock(instant: number): { date: IsoDate; hour: number; minute: number } {
	const parts: Record<string, string> = {};
	for (const p of bucharestParts.formatToParts(instant)) parts[p.type] = p.value;
	return {
		date: formatIsoDate(Number(parts.year), Number(parts.month), Number(parts.day)),
		hour: Number(parts.hour),
		minute: Number(parts.minute)
	};
}

function toMillis(instant: Date | number): number {
	const ms = typeof instant === 'number' ? instant : instant.getTime();
	if (!Number.isFinite(ms)) throw new RangeError('Invalid instant');
	return ms;
}

/** The calendar date in Europe/Bucharest at an instant (DST-safe: the zone rules come from Intl). */
export function dateInBucharest(instant: Date | number): IsoDate {
	return wallClock(toMillis(instant)).date;
}

/** Today's date in Europe/Bucharest. */
export function todayInBucharest(now: Date | number = Date.now()): IsoDate {
	return dateInBucharest(now);
}

/**
 * The instant at which `date` begins (00:00) in Europe/Bucharest. Romania is UTC+2 in winter and UTC+3 in summer;
 * its DST switches happen at 03:00/04:00 local time, so every local midnight exists exactly once.
 */
export function startOfDayInBucharest(date: IsoDate): Date {
	const utcMidnight = toEpochDay(date) * 86_400_000;
	for (const offsetHours of [2, 3]) {
		const candidate = utcMidnight - offsetHours * 3_600_000;
		const wc = wallClock(candidate);
		if (wc.date === date && wc.hour === 0 && wc.minute === 0) return new Date(candidate);
	}
	// Not reachable for Europe/Bucharest in the supported range; fall back to UTC+2 rather than throw.
	return new Date(utcMidnight - 2 * 3_600_000);
}

/**
 * The instant at which `date` ends — 24:00 local, i.e. the start of the next day (exclusive bound). A term counted
 * in days ends "at 24:00 of the last day" (Civil Code art. 2553(2)); an act to be done at an office ends when the
 * office's normal hours end (art. 2553(3)), which this function does not model.
 */
export function endOfDayInBucharest(date: IsoDate): Date {
	return startOfDayInBucharest(addCalendarDays(date, 1));
}
