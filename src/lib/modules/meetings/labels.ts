/** Labels of meeting types, registration states and form fields (error summary). */
import { m } from '#lib/paraglide/messages.js';
import { localeNames, locales } from '#lib/i18n/index.ts';

export const typeLabel = (type: string): string =>
	({ in_person: m.meetings_type_in_person(), online: m.meetings_type_online(), hybrid: m.meetings_type_hybrid() })[
		type
	] ?? type;

export const registrationStatusLabel = (status: string): string =>
	status === 'waiting' ? m.meetings_registration_status_waiting() : m.meetings_registration_status_registered();

const perLocale = (name: string, label: string) =>
	Object.fromEntries(locales.map((l) => [`${name}_${l}`, `${label} (${localeNames[l]})`]));

export const meetingErrorLabels = (): Record<string, string> => ({
	...perLocale('title', m.meetings_field_title()),
	...perLocale('description', m.meetings_field_description()),
	type: m.meetings_field_type(),
	place_address: m.meetings_field_address(),
	place_neighbourhood_id: m.maps_place_neighbourhood(),
	place_lat: m.maps_place_lat(),
	place_lng: m.maps_place_lng(),
	onlineUrl: m.meetings_field_online_url(),
	startsAt: m.meetings_field_starts_at(),
	endsAt: m.meetings_field_ends_at(),
	capacity: m.meetings_field_capacity(),
	registrationOpensAt: m.meetings_field_registration_opens_at(),
	registrationClosesAt: m.meetings_field_registration_closes_at(),
	speakerSlots: m.meetings_field_speaker_slots(),
	speakerMinutes: m.meetings_field_speaker_minutes(),
	...perLocale('rules', m.meetings_field_rules()),
	...Object.fromEntries(
		Array.from({ length: 40 }, (_, i) => [
			[`agenda_title_${i}`, `${m.meetings_field_agenda_item({ n: i + 1 })}: ${m.meetings_field_agenda_title()}`],
			[`agenda_minutes_${i}`, `${m.meetings_field_agenda_item({ n: i + 1 })}: ${m.meetings_field_agenda_minutes()}`],
			[`agenda_speaker_${i}`, `${m.meetings_field_agenda_item({ n: i + 1 })}: ${m.meetings_field_agenda_speaker()}`]
		]).flat()
	),
	overrideReason: m.meetings_field_override_reason(),
	reason: m.meetings_field_cancel_reason(),
	proposal: m.meetings_field_proposal(),
	attendanceCount: m.meetings_field_attendance(),
	minutesFile: m.meetings_field_minutes_file(),
	...perLocale('minutes', m.meetings_field_minutes()),
	speakerPoint: m.meetings_speaker_point_label()
});
