/** Client-safe formatting of phase dates (calendar dates, so no time zone shift) in the reader's locale. */
import { dateTimeFormat } from '#lib/i18n/format.ts';

// One memoised formatter: building one per date was the process page's largest server-side cost (bench/participation).
const phaseDates = (locale: string) => dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });

export function formatDate(date: string, locale: string): string {
	return phaseDates(locale).format(new Date(`${date}T00:00:00Z`));
}

export function formatDateRange(start: string, end: string, locale: string): string {
	return phaseDates(locale).formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
}
