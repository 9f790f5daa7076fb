/** Server-side i18n: messages in an explicit locale (e-mails, jobs) and localized paths. */
import { m } from '#lib/paraglide/messages.js';
import { localizeHref } from '#lib/paraglide/runtime.js';
import { isLocale, type Locale } from '#lib/i18n/index.ts';

export { m };

/** '/account' in Hungarian → '/hu/account'; Romanian has no prefix. */
export function localizedPath(path: string, locale: string): string {
	return localizeHref(path, { locale: (isLocale(locale) ? locale : 'ro') as Locale });
}

/** Looks up a message by key (used for error keys returned by commands). Unknown keys return the key itself. */
export function messageByKey(key: string, locale: string, params: Record<string, unknown> = {}): string {
	const fn = (m as unknown as Record<string, (p: Record<string, unknown>, o: { locale: string }) => string>)[key];
	return typeof fn === 'function' ? fn(params, { locale: isLocale(locale) ? locale : 'ro' }) : key;
}
