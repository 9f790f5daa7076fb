/** Client-safe formatting of announcement times (instants) in Timișoara time, in the reader's locale. */
export function formatDateTime(value: Date | string, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'sr' ? 'sr-Latn' : locale, {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: 'Europe/Bucharest'
	}).format(new Date(value));
}
