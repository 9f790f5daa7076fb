/** Client-safe i18n helpers: locales, translated content fields with Romanian fallback. */
import { locales, baseLocale } from '#lib/paraglide/runtime.js';

export type Locale = (typeof locales)[number];
export { locales, baseLocale };

export const localeNames: Record<Locale, string> = {
	ro: 'Română',
	en: 'English',
	hu: 'Magyar',
	de: 'Deutsch',
	sr: 'Srpski',
	uk: 'Українська'
};

/**
 * The BCP 47 tag for `lang`/`hreflang` attributes: Serbian here is written in Latin script, so it is `sr-Latn`
 * (plain `sr` would tell screen readers and search engines to expect Cyrillic). URL prefixes stay `/sr/`.
 */
export function langTag(locale: string): string;
export function langTag(locale: string | null | undefined): string | undefined;
export function langTag(locale: string | null | undefined): string | undefined {
	if (!locale) return undefined;
	return locale === 'sr' ? 'sr-Latn' : locale;
}

export const isLocale = (v: unknown): v is Locale =>
	typeof v === 'string' && (locales as readonly string[]).includes(v);

/** Content written by staff, per locale; `ro` is authoritative. */
export type Translated = { ro: string } & Partial<Record<Locale, string>>;

/** The text in the requested locale, or the Romanian text marked as not translated. */
export function translate(
	field: Translated | null | undefined,
	locale: string
): { text: string; translated: boolean; lang: Locale } {
	if (!field) return { text: '', translated: true, lang: 'ro' };
	const value = isLocale(locale) ? field[locale] : undefined;
	if (value && value.trim()) return { text: value, translated: true, lang: locale as Locale };
	return { text: field.ro ?? '', translated: locale === 'ro', lang: 'ro' };
}
