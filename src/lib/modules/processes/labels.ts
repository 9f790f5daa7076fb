/** Error-summary labels of the process and phase forms, keyed like their inputs (`title_ro`, `startsOn`). */
import { m } from '#lib/paraglide/messages.js';
import { localeNames, locales } from '#lib/i18n/index.ts';

const perLocale = (name: string, label: string) =>
	Object.fromEntries(locales.map((l) => [`${name}_${l}`, `${label} (${localeNames[l]})`]));

export const processErrorLabels = (): Record<string, string> => ({
	...perLocale('title', m.processes_field_title()),
	slug: m.processes_field_slug(),
	...perLocale('summary', m.processes_field_summary()),
	...perLocale('description', m.processes_field_description()),
	...perLocale('organiser', m.processes_field_organiser()),
	...perLocale('decides', m.processes_field_decides()),
	...perLocale('expectedResult', m.processes_field_expected_result())
});

export const phaseErrorLabels = (): Record<string, string> => ({
	...perLocale('title', m.processes_phase_field_title()),
	...perLocale('description', m.processes_phase_field_description()),
	startsOn: m.processes_phase_field_starts_on(),
	endsOn: m.processes_phase_field_ends_on()
});

export const titleErrorLabels = (label: string): Record<string, string> => perLocale('title', label);
