/** The category editor's form: numbered question rows, list values, and their validation (pure). */
import { describe, expect, it } from 'vitest';
import { parseValues, readCategoryForm, validateQuestions } from './category-form.ts';

const formOf = (fields: Record<string, string>) => {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	return form;
};

describe('category form', () => {
	it('reads list values as key | Romanian | English, one per line', () => {
		expect(parseValues('yes | Da | Yes\r\nno|Nu\n\n  maybe  ')).toEqual([
			{ key: 'yes', name: { ro: 'Da', en: 'Yes' } },
			{ key: 'no', name: { ro: 'Nu' } },
			{ key: 'maybe', name: { ro: 'maybe' } }
		]);
	});

	it('drops blank and removed rows but keeps each row number for its errors', () => {
		const input = readCategoryForm(
			formOf({
				kind: 'leaf',
				code: 'pothole',
				name_ro: 'Groapă',
				active: 'on',
				q0_code: 'gone',
				q0_label_ro: 'Șters',
				q0_remove: 'on',
				q1_code: '',
				q1_label_ro: '',
				q2_code: '9bad',
				q2_datatype: 'string',
				q2_label_ro: 'Întrebare'
			})
		);
		expect(input.active).toBe(true);
		expect(input.questions.map((q) => q.index)).toEqual([2]);
		expect(validateQuestions(input.questions)).toEqual({ errors: { q2_code: 'reports_staff_error_question_code' } });
	});

	it('refuses duplicate codes and list questions without distinct options', () => {
		const row = (code: string, datatype: string, values = '') =>
			readCategoryForm(formOf({ q0_code: code, q0_datatype: datatype, q0_label_ro: 'Q', q0_values: values }))
				.questions[0];
		const result = validateQuestions([
			{ ...row('a', 'string'), index: 0 },
			{ ...row('a', 'multivaluelist', 'x\nx'), index: 1 }
		]);
		expect(result).toEqual({
			errors: { q1_code: 'reports_staff_error_question_code_taken', q1_values: 'reports_staff_error_question_values' }
		});
		expect(validateQuestions([row('depth_cm', 'number')])).toEqual({
			questions: [{ code: 'depth_cm', datatype: 'number', required: false, label: { ro: 'Q' } }]
		});
	});
});
