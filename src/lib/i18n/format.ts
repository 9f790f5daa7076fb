/**
 * Shared, memoised Intl formatters (client-safe). Constructing an Intl.DateTimeFormat or NumberFormat costs about
 * 40 times as much as formatting with one (≈ 0.3 ms against 8 µs on the project's machine), which made a page that
 * formats a date per row (a comment thread, a proposal list) spend most of its server time building formatters
 * (bench/participation, docs/PERFORMANCE.md). Serbian is written in Latin script on this site.
 */

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const intlLocale = (locale: string) => (locale === 'sr' ? 'sr-Latn' : locale);

/** The same formatter as `new Intl.DateTimeFormat(locale, options)`, built once per locale and options. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let f = dateFormats.get(key);
	if (!f) dateFormats.set(key, (f = new Intl.DateTimeFormat(intlLocale(locale), options)));
	return f;
}

/** The same formatter as `new Intl.NumberFormat(locale, options)`, built once per locale and options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let f = numberFormats.get(key);
	if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(intlLocale(locale), options)));
	return f;
}
