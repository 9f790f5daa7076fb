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
