/**
 * Answers to a category's extra questions (Open311 attributes): checks the raw values a form or an API client sent
 * against the questions (required, datatype, list values) and returns them normalised (code → string, or a list
 * for multivaluelist). Errors are keyed `answer_<code>` with message keys. Unknown codes are ignored, as Open311
 * clients may send attributes of an older service definition.
 */
import { invalid, ok, type FieldErrors, type Result } from '../../platform/result.ts';
import type { ReportQuestion } from './schema.ts';

export type Answers = Record<string, string | string[]>;

/** Longest answer to a one-line (`string`) and to a free-text (`text`) question. */
export const ANSWER_STRING_MAX = 500;
export const ANSWER_TEXT_MAX = 4000;

const asList = (raw: unknown): string[] => {
	if (raw === undefined || raw === null) return [];
	const values = Array.isArray(raw) ? raw : [raw];
	return values
		.filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
		.map((v) => String(v).trim())
		.filter((v) => v !== '');
};

// ISO 8601 date or date-time (what <input type="datetime-local"> and Open311 clients send), optional offset.
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function validDatetime(value: string): boolean {
	if (!DATETIME.test(value)) return false;
	const [y, mo, d] = value.slice(0, 10).split('-').map(Number);
	const day = new Date(Date.UTC(y, mo - 1, d));
	// Rejects 2026-02-30 and the like, which Date.parse would roll over.
	return (
		day.getUTCFullYear() === y &&
		day.getUTCMonth() === mo - 1 &&
		day.getUTCDate() === d &&
		!Number.isNaN(Date.parse(value.replace(' ', 'T')))
	);
}

/** One answer: the normalised value, null when unanswered, or an error message key. */
function readAnswer(q: ReportQuestion, raw: unknown): { value: string | string[] | null } | { error: string } {
	const values = asList(raw);
	if (q.datatype === 'multivaluelist') {
		const keys = new Set((q.values ?? []).map((v) => v.key));
		const chosen = [...new Set(values)];
		if (chosen.some((v) => !keys.has(v))) return { error: 'reports_answer_value_invalid' };
		return { value: chosen.length ? chosen : null };
	}
	if (values.length > 1) return { error: 'reports_answer_value_invalid' };
	const value = values[0];
	if (value === undefined) return { value: null };
	switch (q.datatype) {
		case 'singlevaluelist':
			return (q.values ?? []).some((v) => v.key === value) ? { value } : { error: 'reports_answer_value_invalid' };
		case 'number': {
			// "12,5" as typed on a Romanian keyboard as well as "12.5".
			const n = Number(value.replace(',', '.'));
			return /^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(value) && Number.isFinite(n)
				? { value: String(n) }
				: { error: 'reports_answer_number_invalid' };
		}
		case 'datetime':
			return validDatetime(value) ? { value: value.replace(' ', 'T') } : { error: 'reports_answer_datetime_invalid' };
		case 'string':
			return value.length <= ANSWER_STRING_MAX ? { value } : { error: 'reports_answer_too_long' };
		case 'text':
			return value.length <= ANSWER_TEXT_MAX ? { value } : { error: 'reports_answer_too_long' };
	}
}

export function validateAnswers(questions: ReportQuestion[], raw: Record<string, unknown>): Result<Answers> {
	const answers: Answers = {};
	const errors: FieldErrors = {};
	for (const q of questions) {
		const read = readAnswer(q, raw[q.code]);
		if ('error' in read) errors[`answer_${q.code}`] = read.error;
		else if (read.value === null) {
			if (q.required) errors[`answer_${q.code}`] = 'reports_answer_required';
		} else answers[q.code] = read.value;
	}
	return Object.keys(errors).length ? invalid(errors) : ok(answers);
}
