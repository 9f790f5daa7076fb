/** Error-summary labels of the page form. */
import { m } from '#lib/paraglide/messages.js';
import { localeNames, locales } from '#lib/i18n/index.ts';

export const pageErrorLabels = (): Record<string, string> => ({
	...Object.fromEntries(locales.map((l) => [`title_${l}`, `${m.pages_field_title()} (${localeNames[l]})`])),
	slug: m.pages_field_slug(),
	...Object.fromEntries(locales.map((l) => [`body_${l}`, `${m.pages_field_body()} (${localeNames[l]})`]))
});
