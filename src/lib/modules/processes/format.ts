/** Client-safe formatting of phase dates (calendar dates, so no time zone shift) in the reader's locale. */

// Serbian is written in Latin script on this site; Intl's default for 'sr' is Cyrillic.
const intlLocale = (locale: string) => (locale === 'sr' ? 'sr-Latn' : locale);

export function formatDate(date: string, locale: string): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(`${date}T00:00:00Z`)
	);
}

export function formatDateRange(start: string, end: string, locale: string): string {
	const f = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' });
	return f.formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
}
