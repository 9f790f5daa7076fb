/** Error-summary labels and small formatters of the proposals pages. */
import { m } from '#lib/paraglide/messages.js';
import { localeNames, locales } from '#lib/i18n/index.ts';
import { dateTimeFormat, numberFormat } from '#lib/i18n/format.ts';

export const proposalErrorLabels = (): Record<string, string> => ({
	title: m.proposals_field_title(),
	body: m.proposals_field_body(),
	categoryId: m.proposals_field_category(),
	place_address: m.proposals_field_address(),
	place_neighbourhood_id: m.proposals_field_neighbourhood(),
	place_lat: m.proposals_field_latitude(),
	place_lng: m.proposals_field_longitude(),
	photos: m.proposals_field_photos(),
	attachments: m.proposals_field_attachments()
});

export const answerErrorLabels = (): Record<string, string> => ({
	state: m.proposals_field_state(),
	costEstimate: m.proposals_field_cost(),
	...Object.fromEntries(locales.map((l) => [`answer_${l}`, `${m.proposals_field_answer()} (${localeNames[l]})`]))
});

export const nameErrorLabels = (): Record<string, string> => ({
	...Object.fromEntries(locales.map((l) => [`name_${l}`, `${m.proposals_field_name()} (${localeNames[l]})`])),
	colour: m.proposals_field_colour()
});

// Memoised formatters: building one per row was a large share of the list's render time (bench/participation).
export const formatDate = (value: Date | string, locale: string) =>
	dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Bucharest' }).format(new Date(value));

export const formatDateTime = (value: Date | string, locale: string) =>
	dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Bucharest' }).format(
		new Date(value)
	);

export const formatLei = (value: number, locale: string) =>
	numberFormat(locale, { style: 'currency', currency: 'RON', maximumFractionDigits: 0 }).format(value);

/** A list URL's query string with some values changed; defaults (page 1, list view) and empty values are dropped. */
export function listSearch(query: Record<string, unknown>, changes: Record<string, unknown> = {}): string {
	const params = new URLSearchParams();
	for (const [k, v] of Object.entries({ ...query, ...changes }))
		if (
			v !== undefined &&
			v !== null &&
			v !== '' &&
			v !== false &&
			!(k === 'page' && v === 1) &&
			!(k === 'view' && v === 'list')
		)
			params.set(k, v === true ? '1' : String(v));
	const s = params.toString();
	return s ? `?${s}` : '';
}
