/** Client-safe formatting of phase dates (calendar dates, so no time zone shift) in the reader's locale. */

// Serbian is written in Latin script on this site; Intl's default for 'sr' is Cyrillic.
const intlLocale = (locale: string) => (locale === 'sr' ? 'sr-Latn' : locale);

// Creating an Intl.DateTimeFormat costs far more than formatting with one (it was the process page's largest
// server-side cost in bench/participation), so there is one formatter per locale.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string): Intl.DateTimeFormat {
	let f = formatters.get(locale);
	if (!f) {
		f = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' });
		formatters.set(locale, f);
	}
	return f;
}

export function formatDate(date: string, locale: string): string {
	return formatter(locale).format(new Date(`${date}T00:00:00Z`));
}

export function formatDateRange(start: string, end: string, locale: string): string {
	return formatter(locale).formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
}
