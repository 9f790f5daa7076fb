/**
 * Reading and validating a submitted questionnaire, question by question. Hidden questions (their condition not met
 * by the answers given) are ignored whatever was sent, so the server alone decides what is stored.
 */
import { isIsoDate } from '../../platform/calendar/index.ts';
import type { FieldErrors } from '../../platform/result.ts';
import { OTHER, chosenOptions, type Answer, type Answers, type Question } from '#lib/modules/surveys/logic.ts';

/** What the form sent for one question, before validation: single values, lists, and per-row/option parts. */
export interface RawAnswer {
	values: string[];
	other?: string;
	parts?: Record<string, string[]>;
}
export type RawAnswers = Record<string, RawAnswer>;

export const textLimits = { short_text: 500, long_text: 5_000, other: 500 } as const;

/** The form field (and anchor) of a question: `q_<id>`; matrix rows and ranked options add `_<rowId>`. */
export const fieldOf = (questionId: string) => `q_${questionId}`;

/** Form fields by name (`q_<id>`, `q_<id>_other`, `q_<id>_<part>`), each with every value sent. */
export type SubmittedFields = Record<string, string[]>;

/** Keeps the survey fields of a submitted HTML form. */
export function readAnswersForm(form: FormData): SubmittedFields {
	const fields: SubmittedFields = {};
	for (const [name, value] of form.entries())
		if (name.startsWith('q_') && typeof value === 'string') (fields[name] ??= []).push(value);
	return fields;
}

/** Groups submitted fields by question. */
export function toRawAnswers(fields: SubmittedFields, questions: Question[]): RawAnswers {
	const raw: RawAnswers = {};
	for (const q of questions) {
		const name = fieldOf(q.id);
		const answer: RawAnswer = { values: fields[name] ?? [] };
		const other = fields[`${name}_other`]?.[0];
		if (other !== undefined) answer.other = other;
		const parts = q.type === 'ranking' ? q.config.options : q.type === 'matrix' ? q.config.rows : undefined;
		if (parts) answer.parts = Object.fromEntries(parts.map((p) => [p.id, fields[`${name}_${p.id}`] ?? []]));
		raw[q.id] = answer;
	}
	return raw;
}

type Checked = { answer: Answer } | { error: string } | null;

const ids = (list: { id: string }[] | undefined) => new Set((list ?? []).map((c) => c.id));

/** Parses "12", "12,5" or "12.5"; anything else is NaN. */
export function parseNumber(text: string): number {
	const t = text.trim().replace(/\s/g, '').replace(',', '.');
	return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : NaN;
}

/** One question: null when unanswered, else the normalised answer or the message key of what is wrong. */
export function checkAnswer(q: Question, raw: RawAnswer | undefined): Checked {
	const values = (raw?.values ?? []).map((v) => v.trim()).filter(Boolean);
	const c = q.config;
	switch (q.type) {
		case 'short_text':
		case 'long_text': {
			const text = (raw?.values ?? []).join('\n').trim();
			if (!text) return null;
			return text.length > textLimits[q.type] ? { error: 'validation_too_long' } : { answer: { text } };
		}
		case 'single_choice': {
			if (!values.length) return null;
			const option = values[0];
			if (values.length > 1 || !(ids(c.options).has(option) || (c.allowOther && option === OTHER)))
				return { error: 'validation_invalid' };
			if (option !== OTHER) return { answer: { option } };
			const other = raw?.other?.trim() ?? '';
			if (!other) return { error: 'surveys_error_other_text' };
			return other.length > textLimits.other ? { error: 'validation_too_long' } : { answer: { option, other } };
		}
		case 'multiple_choice': {
			if (!values.length) return null;
			const known = ids(c.options);
			const options = [...new Set(values)];
			if (options.some((o) => !known.has(o) && !(c.allowOther && o === OTHER))) return { error: 'validation_invalid' };
			if (c.minSelections && options.length < c.minSelections) return { error: 'surveys_error_too_few' };
			if (c.maxSelections && options.length > c.maxSelections) return { error: 'surveys_error_too_many' };
			// Keep the questionnaire's order, whatever order the browser sent.
			const ordered = [...(c.options ?? []).map((o) => o.id), OTHER].filter((o) => options.includes(o));
			if (!options.includes(OTHER)) return { answer: { options: ordered } };
			const other = raw?.other?.trim() ?? '';
			if (!other) return { error: 'surveys_error_other_text' };
			return other.length > textLimits.other
				? { error: 'validation_too_long' }
				: { answer: { options: ordered, other } };
		}
		case 'ranking': {
			const options = c.options ?? [];
			const ranks = options.map((o) => (raw?.parts?.[o.id] ?? []).map((v) => v.trim()).find(Boolean) ?? '');
			if (ranks.every((r) => !r)) return null;
			if (ranks.some((r) => !r)) return { error: 'surveys_error_rank_all' };
			const numbers = ranks.map(Number);
			const expected = options.map((_, i) => i + 1);
			if (numbers.some((n) => !expected.includes(n)) || new Set(numbers).size !== numbers.length)
				return { error: 'surveys_error_rank_unique' };
			const ranking = options.map((o, i) => ({ id: o.id, rank: numbers[i] })).sort((a, b) => a.rank - b.rank);
			return { answer: { ranking: ranking.map((r) => r.id) } };
		}
		case 'matrix': {
			const columns = ids(c.columns);
			const rows: Record<string, string[]> = {};
			for (const row of c.rows ?? []) {
				const chosen = [...new Set((raw?.parts?.[row.id] ?? []).map((v) => v.trim()).filter(Boolean))];
				if (chosen.some((col) => !columns.has(col))) return { error: 'validation_invalid' };
				if (chosen.length > 1 && !c.multiplePerRow) return { error: 'validation_invalid' };
				if (chosen.length) rows[row.id] = chosen;
			}
			const answered = Object.keys(rows).length;
			if (!answered) return null;
			if (q.required && answered < (c.rows ?? []).length) return { error: 'surveys_error_matrix_rows' };
			return { answer: { rows } };
		}
		case 'number': {
			if (!values.length) return null;
			const n = parseNumber(values[0]);
			if (!Number.isFinite(n)) return { error: 'surveys_error_number' };
			if (c.integer && !Number.isInteger(n)) return { error: 'surveys_error_integer' };
			if ((c.min != null && n < c.min) || (c.max != null && n > c.max)) return { error: 'surveys_error_number_range' };
			return { answer: { number: n } };
		}
		case 'date': {
			if (!values.length) return null;
			const date = values[0];
			if (!isIsoDate(date)) return { error: 'validation_date' };
			if ((c.minDate && date < c.minDate) || (c.maxDate && date > c.maxDate))
				return { error: 'surveys_error_date_range' };
			return { answer: { date } };
		}
	}
}

/**
 * Validates a whole submission: every visible question in order (a condition depends only on earlier answers).
 * Errors are keyed by the question's field, `q_<id>`; nothing is returned as answers when anything is wrong.
 */
export function validateAnswers(
	questions: Question[],
	raw: RawAnswers
): { ok: true; answers: Answers } | { ok: false; errors: FieldErrors } {
	const answers: Answers = {};
	const errors: FieldErrors = {};
	const shown = new Set<string>();
	for (const q of questions) {
		// Conditions point to earlier questions only, so their (valid) answers are known by now.
		const c = q.condition;
		if (c && !(shown.has(c.questionId) && chosenOptions(answers[c.questionId]).includes(c.optionId))) continue;
		shown.add(q.id);
		const checked = checkAnswer(q, raw[q.id]);
		if (checked === null) {
			if (q.required) errors[fieldOf(q.id)] = 'validation_required';
		} else if ('error' in checked) errors[fieldOf(q.id)] = checked.error;
		else answers[q.id] = checked.answer;
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}

/** The form fields that re-fill the questionnaire from stored answers (to edit a response). */
export function fieldsFromAnswers(questions: Question[], answers: Answers): SubmittedFields {
	const fields: SubmittedFields = {};
	for (const q of questions) {
		const a = answers[q.id];
		const name = fieldOf(q.id);
		if (!a) continue;
		if ('text' in a) fields[name] = [a.text];
		else if ('option' in a) fields[name] = [a.option];
		else if ('options' in a) fields[name] = a.options;
		else if ('number' in a) fields[name] = [String(a.number)];
		else if ('date' in a) fields[name] = [a.date];
		else if ('ranking' in a) a.ranking.forEach((id, i) => (fields[`${name}_${id}`] = [String(i + 1)]));
		else for (const [row, cols] of Object.entries(a.rows)) fields[`${name}_${row}`] = cols;
		if (('option' in a || 'options' in a) && a.other) fields[`${name}_other`] = [a.other];
	}
	return fields;
}

/** The answers without any free text (text answers and "other" texts): what stays of an anonymised person's response. */
export function withoutFreeText(answers: Answers): Answers {
	const out: Answers = {};
	for (const [id, a] of Object.entries(answers)) {
		if ('text' in a) continue;
		if ('option' in a) out[id] = { option: a.option };
		else if ('options' in a) out[id] = { options: a.options };
		else out[id] = a;
	}
	return out;
}
