/** Client-safe formatting of meeting times in the reader's locale, always in Timișoara's time zone. */
const intlLocale = (locale: string) => (locale === 'sr' ? 'sr-Latn' : locale);

export function formatMeetingTime(start: Date | string, end: Date | string, locale: string): string {
	const f = new Intl.DateTimeFormat(intlLocale(locale), {
		dateStyle: 'full',
		timeStyle: 'short',
		timeZone: 'Europe/Bucharest'
	});
	return f.formatRange(new Date(start), new Date(end));
}

export function formatDateTime(value: Date | string, locale: string): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: 'Europe/Bucharest'
	}).format(new Date(value));
}

/** A machine-readable `datetime` attribute value. */
export const isoString = (value: Date | string) => new Date(value).toISOString();
