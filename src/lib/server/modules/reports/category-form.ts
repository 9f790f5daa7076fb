/**
 * Reads the category editor's form (plain fields, so it works without JavaScript): the category, and its extra
 * questions as numbered rows `q<i>_…`, list values one per line as `key | Romanian name | English name`. Blank rows
 * and rows marked for removal are dropped.
 */
import type { ReportQuestion, QuestionDatatype } from './schema.ts';

export interface CategoryInput {
	kind: 'group' | 'leaf';
	parentId: string | null;
	code: string;
	name: { ro: string; en?: string };
	description: { ro: string; en?: string };
	departmentId: string | null;
	keywords: string;
	active: boolean;
	position: number;
	/** Raw rows; validated by saveCategory. */
	questions: QuestionRow[];
}

export interface QuestionRow {
	/** The row's number on the form, so errors point at the right field. */
	index?: number;
	code: string;
	datatype: string;
	required: boolean;
	label: { ro: string; en?: string };
	help: { ro: string; en?: string };
	values: { key: string; name: { ro: string; en?: string } }[];
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const optional = (value: string) => value || undefined;

/** `key | Romanian | English` per line. */
export function parseValues(lines: string): QuestionRow['values'] {
	return lines
		.split(/\r?\n/)
		.map((line) => line.split('|').map((part) => part.trim()))
		.filter((parts) => parts[0])
		.map(([key, ro, en]) => ({ key, name: { ro: ro || key, ...(en ? { en } : {}) } }));
}

export const formatValues = (values: ReportQuestion['values'] = []) =>
	values.map((v) => [v.key, v.name.ro, v.name.en].filter(Boolean).join(' | ')).join('\n');

export function readCategoryForm(form: FormData): CategoryInput {
	const questions: QuestionRow[] = [];
	for (let i = 0; i < 50; i++) {
		if (!form.has(`q${i}_code`)) continue;
		if (form.get(`q${i}_remove`)) continue;
		const row: QuestionRow = {
			index: i,
			code: text(form, `q${i}_code`),
			datatype: text(form, `q${i}_datatype`),
			required: form.get(`q${i}_required`) === 'on',
			label: { ro: text(form, `q${i}_label_ro`), en: optional(text(form, `q${i}_label_en`)) },
			help: { ro: text(form, `q${i}_help_ro`), en: optional(text(form, `q${i}_help_en`)) },
			values: parseValues(String(form.get(`q${i}_values`) ?? ''))
		};
		if (!row.code && !row.label.ro) continue;
		questions.push(row);
	}
	return {
		kind: form.get('kind') === 'group' ? 'group' : 'leaf',
		parentId: text(form, 'parentId') || null,
		code: text(form, 'code'),
		name: { ro: text(form, 'name_ro'), en: optional(text(form, 'name_en')) },
		description: { ro: text(form, 'description_ro'), en: optional(text(form, 'description_en')) },
		departmentId: text(form, 'departmentId') || null,
		keywords: text(form, 'keywords'),
		active: form.get('active') === 'on',
		position: Number(text(form, 'position')) || 0,
		questions
	};
}

const listTypes: readonly string[] = ['singlevaluelist', 'multivaluelist'];
const datatypes: readonly string[] = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'];

/** The questions as stored, or the first error as `q<i>_<field>` → message key. */
export function validateQuestions(
	rows: QuestionRow[]
): { questions: ReportQuestion[] } | { errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	const seen = new Set<string>();
	const questions: ReportQuestion[] = [];
	rows.forEach((row, position) => {
		const i = row.index ?? position;
		if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(row.code)) errors[`q${i}_code`] = 'reports_staff_error_question_code';
		else if (seen.has(row.code)) errors[`q${i}_code`] = 'reports_staff_error_question_code_taken';
		seen.add(row.code);
		if (!datatypes.includes(row.datatype)) errors[`q${i}_datatype`] = 'validation_required';
		if (!row.label.ro) errors[`q${i}_label_ro`] = 'validation_required';
		const list = listTypes.includes(row.datatype);
		if (list && !row.values.length) errors[`q${i}_values`] = 'reports_staff_error_question_values';
		if (list && new Set(row.values.map((v) => v.key)).size !== row.values.length)
			errors[`q${i}_values`] = 'reports_staff_error_question_values';
		questions.push({
			code: row.code,
			datatype: row.datatype as QuestionDatatype,
			required: row.required,
			label: clean(row.label),
			...(row.help.ro ? { help: clean(row.help) } : {}),
			...(list ? { values: row.values.map((v) => ({ key: v.key, name: clean(v.name) })) } : {})
		});
	});
	return Object.keys(errors).length ? { errors } : { questions };
}

const clean = (t: { ro: string; en?: string }) => (t.en ? { ro: t.ro, en: t.en } : { ro: t.ro });
