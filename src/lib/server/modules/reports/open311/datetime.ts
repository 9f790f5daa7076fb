/**
 * W3C-DTF datetimes for Open311: always with the Europe/Bucharest offset (`2026-04-14T06:37:38+03:00`), and the
 * parsing of `start_date` / `end_date` (a W3C datetime with an offset or `Z`, or a plain date taken in Bucharest).
 */
import { endOfDayInBucharest, isIsoDate, startOfDayInBucharest, TIME_ZONE } from '../../../platform/calendar/index.ts';

const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23',
	timeZoneName: 'longOffset'
});

/** The city's UTC offset in minutes for the hour an instant falls in (offsets change on the hour). */
const offsetByHour = new Map<number, number>();
function offsetMinutes(ms: number): number {
	const hour = Math.floor(ms / 3_600_000);
	let offset = offsetByHour.get(hour);
	if (offset === undefined) {
		const p: Record<string, string> = {};
		for (const { type, value } of parts.formatToParts(hour * 3_600_000)) p[type] = value;
		// "GMT+02:00"; "GMT" alone would be UTC, which Bucharest never is, but keep it correct anyway.
		const m = /([+-])(\d{2}):(\d{2})/.exec(p.timeZoneName);
		offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
		if (offsetByHour.size > 10_000) offsetByHour.clear();
		offsetByHour.set(hour, offset);
	}
	return offset;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * `2026-11-23T04:03:50+02:00` (seconds precision, the city's offset at that instant). Intl is asked once per hour
 * of time, not per value: a page of 1,000 requests has 3,000 datetimes.
 */
export function w3c(instant: Date): string {
	const ms = instant.getTime();
	const offset = offsetMinutes(ms);
	const wall = new Date(ms + offset * 60_000);
	const sign = offset < 0 ? '-' : '+';
	const abs = Math.abs(offset);
	return (
		`${wall.getUTCFullYear()}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}` +
		`T${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}:${two(wall.getUTCSeconds())}` +
		`${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
	);
}

export const w3cOrNull = (instant: Date | null | undefined) => (instant ? w3c(instant) : null);

/** Answer dates already turned into datetimes: a page of requests has few distinct dates, and Intl is slow. */
const endOfDayByDate = new Map<string, string>();

/** The last second of a legal answer date (a Bucharest calendar day) as a W3C datetime. */
export function endOfDay(date: string | null): string | null {
	if (!date) return null;
	let value = endOfDayByDate.get(date);
	if (value === undefined) {
		value = w3c(new Date(endOfDayInBucharest(date).getTime() - 1000));
		if (endOfDayByDate.size > 10_000) endOfDayByDate.clear();
		endOfDayByDate.set(date, value);
	}
	return value;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A W3C datetime (with a timezone) or a date; null when it is neither. `end` takes a date's last instant. */
export function parseW3c(value: string, end = false): Date | null {
	// `+` arrives as a space when a client forgets to encode it in the query string.
	const v: string = value.replace(/ (\d{2}:?\d{2})$/, '+$1');
	// A date's end is exclusive (24:00); one millisecond less keeps `<=` comparisons inside the day.
	if (isIsoDate(value)) return end ? new Date(endOfDayInBucharest(value).getTime() - 1) : startOfDayInBucharest(value);
	if (!DATETIME.test(v)) return null;
	const t = Date.parse(v);
	return Number.isNaN(t) ? null : new Date(t);
}
