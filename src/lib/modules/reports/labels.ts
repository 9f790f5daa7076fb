/** Error-summary labels, state names and small formatters of the citizen reports pages. */
import { m } from '#lib/paraglide/messages.js';
import { dateTimeFormat } from '#lib/i18n/format.ts';
import { messageText } from '#lib/ui/messages.ts';
import type { ReportState, ReportStateFilter } from './states.ts';

export const reportErrorLabels = (): Record<string, string> => ({
	category: m.reports_field_category(),
	title: m.reports_field_title(),
	description: m.reports_field_description(),
	place_address: m.maps_place_address(),
	place_neighbourhood_id: m.maps_place_neighbourhood(),
	place_lat: m.maps_place_lat(),
	place_lng: m.maps_place_lng(),
	photos: m.reports_field_photos(),
	contact_name: m.reports_field_contact_name(),
	contact_email: m.reports_field_contact_email(),
	contact_phone: m.reports_field_contact_phone(),
	reason: m.reports_field_reopen_reason()
});

/** The public name of a state (reports_state_<state>). */
export const stateLabel = (state: ReportState) => messageText(`reports_state_${state}`);

/** The name of a state filter's choice: all open, all closed, or one state. */
export const stateFilterLabel = (filter: ReportStateFilter) =>
	filter === 'open' ? m.reports_filter_open() : filter === 'closed' ? m.reports_filter_closed() : stateLabel(filter);

export const formatDate = (value: Date | string, locale: string) =>
	dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Bucharest' }).format(
		typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value)
	);

export const formatDateTime = (value: Date | string, locale: string) =>
	dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Bucharest' }).format(
		new Date(value)
	);
