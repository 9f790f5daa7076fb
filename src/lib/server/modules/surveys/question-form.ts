/**
 * The question form of the survey builder (works as a plain HTML form): type, translatable texts, options / rows /
 * columns one per line (each locale's line n translates the Romanian line n), bounds, and a display condition.
 * `buildQuestion` turns it into a stored question, keeping the ids of existing options so answers stay attached.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { isIsoDate } from '../../platform/calendar/index.ts';
import type { Translated } from '../../platform/db/columns.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { cleanTranslated, fieldErrors, readTranslated, translatedInput } from '../../platform/spaces/forms.ts';
import { locales } from '#lib/i18n/index.ts';
import {
	isChoiceType,
	questionTypes,
	type Choice,
	type Question,
	type QuestionCondition,
	type QuestionConfig
} from '#lib/modules/surveys/logic.ts';
import { parseNumber } from './answers.ts';

const optionalText = z.string().trim().optional().default('');

export const QuestionInput = z.object({
	type: z.enum(questionTypes, 'validation_required'),
	title: translatedInput(500),
	description: translatedInput(2_000, { required: false }),
	required: z.boolean().default(false),
	options: z.record(z.string(), z.string().max(10_000, 'validation_too_long')).default({}),
	rows: z.record(z.string(), z.string().max(10_000, 'validation_too_long')).default({}),
	columns: z.record(z.string(), z.string().max(10_000, 'validation_too_long')).default({}),
	allowOther: z.boolean().default(false),
	multiplePerRow: z.boolean().default(false),
	integer: z.boolean().default(false),
	minSelections: optionalText,
	maxSelections: optionalText,
	min: optionalText,
	max: optionalText,
	minDate: optionalText,
	maxDate: optionalText,
	/** `questionId:optionId`, or empty for "always shown". */
	condition: optionalText
});
export type QuestionInput = z.input<typeof QuestionInput>;

const checked = (form: FormData, name: string) => form.get(name) === 'on' || form.get(name) === 'true';
const str = (form: FormData, name: string) => String(form.get(name) ?? '');

export const readQuestionForm = (form: FormData): QuestionInput => ({
	type: str(form, 'type') as QuestionInput['type'],
	title: readTranslated(form, 'title') as QuestionInput['title'],
	description: readTranslated(form, 'description') as QuestionInput['description'],
	required: checked(form, 'required'),
	options: readTranslated(form, 'options'),
	rows: readTranslated(form, 'rows'),
	columns: readTranslated(form, 'columns'),
	allowOther: checked(form, 'allowOther'),
	multiplePerRow: checked(form, 'multiplePerRow'),
	integer: checked(form, 'integer'),
	minSelections: str(form, 'minSelections'),
	maxSelections: str(form, 'maxSelections'),
	min: str(form, 'min'),
	max: str(form, 'max'),
	minDate: str(form, 'minDate'),
	maxDate: str(form, 'maxDate'),
	condition: str(form, 'condition')
});

const lines = (text: string | undefined) =>
	(text ?? '')
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);

/** Lines per locale → choices; the Romanian lines decide how many; ids are reused position by position. */
function choicesFrom(
	field: string,
	perLocale: Record<string, string>,
	existing: Choice[] | undefined,
	min: number,
	errors: FieldErrors
): Choice[] {
	const ro = lines(perLocale.ro);
	if (ro.length < min) errors[`${field}_ro`] = min > 1 ? 'surveys_error_options_min' : 'validation_required';
	if (ro.some((l) => l.length > 300)) errors[`${field}_ro`] = 'validation_too_long';
	const byLocale = Object.fromEntries(locales.map((l) => [l, lines(perLocale[l])]));
	for (const l of locales)
		if (l !== 'ro' && byLocale[l].length && byLocale[l].length !== ro.length)
			errors[`${field}_${l}`] = 'surveys_error_translation_lines';
	return ro.map((label, i) => ({
		id: existing?.[i]?.id ?? randomUUID().slice(0, 8),
		label: cleanTranslated(Object.fromEntries(locales.map((l) => [l, byLocale[l][i] ?? '']))) as Translated
	}));
}

function wholeNumber(text: string, field: string, errors: FieldErrors): number | null {
	if (!text) return null;
	const n = parseNumber(text);
	if (!Number.isInteger(n) || n < 0) {
		errors[field] = 'surveys_error_integer';
		return null;
	}
	return n;
}

export interface BuiltQuestion {
	type: Question['type'];
	title: Translated;
	description: Translated;
	required: boolean;
	config: QuestionConfig;
	condition: QuestionCondition | null;
}

/**
 * Validates the form into a question. `earlier` are the questions before it (the only ones a condition may point
 * to); `existing` is the question being edited, whose option ids are kept.
 */
export function buildQuestion(
	input: QuestionInput,
	{ earlier, existing }: { earlier: Question[]; existing?: Question }
): { ok: true; value: BuiltQuestion } | { ok: false; errors: FieldErrors } {
	const parsed = QuestionInput.safeParse(input);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	const d = parsed.data;
	const errors: FieldErrors = {};
	const config: QuestionConfig = {};
	const sameType = existing?.type === d.type;
	if (isChoiceType(d.type) || d.type === 'ranking')
		config.options = choicesFrom('options', d.options, sameType ? existing?.config.options : undefined, 2, errors);
	if (isChoiceType(d.type)) config.allowOther = d.allowOther;
	if (d.type === 'multiple_choice') {
		config.minSelections = wholeNumber(d.minSelections, 'minSelections', errors);
		config.maxSelections = wholeNumber(d.maxSelections, 'maxSelections', errors);
		const available = (config.options?.length ?? 0) + (d.allowOther ? 1 : 0);
		if (config.maxSelections !== null && (config.maxSelections < 1 || config.maxSelections > available))
			errors.maxSelections ??= 'surveys_error_selections_range';
		if (
			config.minSelections !== null &&
			(config.minSelections > available ||
				(config.maxSelections !== null && config.minSelections > config.maxSelections))
		)
			errors.minSelections ??= 'surveys_error_selections_range';
	}
	if (d.type === 'matrix') {
		config.rows = choicesFrom('rows', d.rows, sameType ? existing?.config.rows : undefined, 1, errors);
		config.columns = choicesFrom('columns', d.columns, sameType ? existing?.config.columns : undefined, 2, errors);
		config.multiplePerRow = d.multiplePerRow;
	}
	if (d.type === 'number') {
		const bound = (text: string, field: string) => {
			if (!text) return null;
			const n = parseNumber(text);
			if (Number.isFinite(n)) return n;
			errors[field] = 'surveys_error_number';
			return null;
		};
		config.min = bound(d.min, 'min');
		config.max = bound(d.max, 'max');
		config.integer = d.integer;
		if (config.min != null && config.max != null && config.min > config.max) errors.max ??= 'surveys_error_bounds';
	}
	if (d.type === 'date') {
		for (const key of ['minDate', 'maxDate'] as const)
			if (d[key] && !isIsoDate(d[key])) errors[key] = 'validation_date';
		config.minDate = d.minDate || null;
		config.maxDate = d.maxDate || null;
		if (config.minDate && config.maxDate && config.minDate > config.maxDate) errors.maxDate ??= 'surveys_error_bounds';
	}
	let condition: QuestionCondition | null = null;
	if (d.condition) {
		const [questionId, optionId] = d.condition.split(':');
		const source = earlier.find((q) => q.id === questionId);
		const valid =
			source &&
			isChoiceType(source.type) &&
			(source.config.options?.some((o) => o.id === optionId) || (source.config.allowOther && optionId === 'other'));
		if (valid) condition = { questionId, optionId };
		else errors.condition = 'surveys_error_condition';
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	return {
		ok: true,
		value: {
			type: d.type,
			title: cleanTranslated(d.title),
			description: cleanTranslated(d.description),
			required: d.required,
			config,
			condition
		}
	};
}

/**
 * After the first response only texts may change: same type, same number of options, rows and columns, same
 * bounds, required flag and condition. Returns the field that changed structure, or null.
 */
export function structureChange(before: Question, after: BuiltQuestion): string | null {
	if (before.type !== after.type) return 'type';
	if (before.required !== after.required) return 'required';
	if (JSON.stringify(before.condition ?? null) !== JSON.stringify(after.condition)) return 'condition';
	const b = before.config;
	const a = after.config;
	for (const key of ['options', 'rows', 'columns'] as const)
		if ((b[key]?.length ?? 0) !== (a[key]?.length ?? 0)) return `${key}_ro`;
	for (const key of [
		'allowOther',
		'minSelections',
		'maxSelections',
		'multiplePerRow',
		'min',
		'max',
		'integer',
		'minDate',
		'maxDate'
	] as const)
		if ((b[key] ?? null) !== (a[key] ?? null)) return key;
	return null;
}

/** The form values that show a stored question in the edit form. */
export function questionFormValues(q: Question): Record<string, unknown> {
	const perLocale = (list: Choice[] | undefined) =>
		Object.fromEntries(
			locales.map((l) => [
				l,
				// A locale with a missing label is shown empty: lines must match the Romanian ones one for one.
				list?.every((c) => c.label[l]) ? list.map((c) => c.label[l]).join('\n') : ''
			])
		);
	const c = q.config;
	const text = (v: number | string | null | undefined) => (v == null ? '' : String(v));
	return {
		type: q.type,
		title: q.title,
		description: q.description,
		required: q.required,
		options: perLocale(c.options),
		rows: perLocale(c.rows),
		columns: perLocale(c.columns),
		allowOther: c.allowOther ?? false,
		multiplePerRow: c.multiplePerRow ?? false,
		integer: c.integer ?? false,
		minSelections: text(c.minSelections),
		maxSelections: text(c.maxSelections),
		min: text(c.min),
		max: text(c.max),
		minDate: text(c.minDate),
		maxDate: text(c.maxDate),
		condition: q.condition ? `${q.condition.questionId}:${q.condition.optionId}` : ''
	};
}
