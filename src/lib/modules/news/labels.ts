/** Error-summary labels of the announcement form. */
import { m } from '#lib/paraglide/messages.js';
import { localeNames, locales } from '#lib/i18n/index.ts';

export const newsErrorLabels = (): Record<string, string> => ({
	...Object.fromEntries(locales.map((l) => [`title_${l}`, `${m.news_field_title()} (${localeNames[l]})`])),
	...Object.fromEntries(locales.map((l) => [`body_${l}`, `${m.news_field_body()} (${localeNames[l]})`])),
	image: m.news_field_image(),
	...Object.fromEntries(locales.map((l) => [`imageAlt_${l}`, `${m.news_field_image_alt()} (${localeNames[l]})`])),
	publish: m.news_field_publish(),
	publishAt: m.news_field_publish_at()
});
