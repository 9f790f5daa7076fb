/** Client-safe labels of the survey pages: error-summary labels, dates, why someone cannot answer, question types. */
import { m } from '#lib/paraglide/messages.js';
import { localeNames, locales, translate } from '#lib/i18n/index.ts';
import { formatDate } from '#lib/modules/processes/format.ts';
import type { Question, QuestionType } from './logic.ts';

/** `q_<id>` → "3. Question title", for the error summary's links. */
export const errorLabels = (questions: Question[], locale: string): Record<string, string> =>
	Object.fromEntries(questions.map((q, i) => [`q_${q.id}`, `${i + 1}. ${translate(q.title, locale).text}`]));

/** A calendar date (YYYY-MM-DD) or an instant, as a long date in the reader's locale (Europe/Bucharest). */
export function formatDay(value: string | Date, locale: string): string {
	if (typeof value === 'string') return formatDate(value, locale);
	return new Intl.DateTimeFormat(locale === 'sr' ? 'sr-Latn' : locale, {
		dateStyle: 'long',
		timeZone: 'Europe/Bucharest'
	}).format(value);
}

export function whyNotText(reason: string): string {
	if (reason === 'sign_in_required') return m.surveys_why_sign_in();
	if (reason === 'surveys_answers_closed') return m.surveys_why_closed();
	if (reason.startsWith('verification_required')) return m.surveys_why_verification();
	return m.surveys_why_other();
}

export const typeLabel = (type: QuestionType): string =>
	({
		short_text: m.surveys_type_short_text,
		long_text: m.surveys_type_long_text,
		single_choice: m.surveys_type_single_choice,
		multiple_choice: m.surveys_type_multiple_choice,
		ranking: m.surveys_type_ranking,
		matrix: m.surveys_type_matrix,
		number: m.surveys_type_number,
		date: m.surveys_type_date
	})[type]();

/** Error-summary labels of the question form. */
export const questionErrorLabels = (): Record<string, string> => {
	const perLocale = (name: string, label: string) =>
		Object.fromEntries(locales.map((l) => [`${name}_${l}`, `${label} (${localeNames[l]})`]));
	return {
		_form: '',
		type: m.surveys_field_type(),
		...perLocale('title', m.surveys_field_title()),
		...perLocale('description', m.surveys_field_description()),
		...perLocale('options', m.surveys_field_options()),
		...perLocale('rows', m.surveys_field_rows()),
		...perLocale('columns', m.surveys_field_columns()),
		minSelections: m.surveys_field_min_selections(),
		maxSelections: m.surveys_field_max_selections(),
		min: m.surveys_field_min(),
		max: m.surveys_field_max(),
		minDate: m.surveys_field_min_date(),
		maxDate: m.surveys_field_max_date(),
		condition: m.surveys_field_condition(),
		required: m.surveys_field_required(),
		allowOther: m.surveys_field_allow_other(),
		multiplePerRow: m.surveys_field_multiple_per_row(),
		integer: m.surveys_field_integer()
	};
};
