/** Answers to a category's extra questions: required, datatypes, list values, normalisation. */
import { describe, expect, it } from 'vitest';
import { validateAnswers } from './answers.ts';
import type { ReportQuestion } from './schema.ts';

const list = (code: string, datatype: 'singlevaluelist' | 'multivaluelist', required = false): ReportQuestion => ({
	code,
	datatype,
	required,
	label: { ro: code },
	values: [
		{ key: 'a', name: { ro: 'A' } },
		{ key: 'b', name: { ro: 'B' } }
	]
});
const q = (code: string, datatype: ReportQuestion['datatype'], required = false): ReportQuestion => ({
	code,
	datatype,
	required,
	label: { ro: code }
});

describe('validateAnswers', () => {
	it('requires required answers and leaves optional blanks out', () => {
		const questions = [list('dangerous', 'singlevaluelist', true), q('depth_cm', 'number')];
		expect(validateAnswers(questions, {})).toEqual({
			ok: false,
			errors: { answer_dangerous: 'reports_answer_required' }
		});
		expect(validateAnswers(questions, { dangerous: 'a', depth_cm: '  ' })).toEqual({
			ok: true,
			value: { dangerous: 'a' }
		});
	});

	it('checks list values and keeps a multi-value list as a list without repeats', () => {
		const questions = [list('one', 'singlevaluelist'), list('many', 'multivaluelist', true)];
		expect(validateAnswers(questions, { one: 'c', many: ['a'] })).toEqual({
			ok: false,
			errors: { answer_one: 'reports_answer_value_invalid' }
		});
		expect(validateAnswers(questions, { one: ['a', 'b'], many: 'a' }).ok).toBe(false);
		expect(validateAnswers(questions, { many: ['b', 'a', 'b'] })).toEqual({ ok: true, value: { many: ['b', 'a'] } });
		expect(validateAnswers(questions, { many: [] })).toEqual({
			ok: false,
			errors: { answer_many: 'reports_answer_required' }
		});
	});

	it('parses numbers with a decimal comma and refuses words', () => {
		const questions = [q('n', 'number')];
		expect(validateAnswers(questions, { n: '12,5' })).toEqual({ ok: true, value: { n: '12.5' } });
		expect(validateAnswers(questions, { n: 7 })).toEqual({ ok: true, value: { n: '7' } });
		for (const bad of ['ten', '1e400', '12cm', '1,2,3'])
			expect(validateAnswers(questions, { n: bad })).toEqual({
				ok: false,
				errors: { answer_n: 'reports_answer_number_invalid' }
			});
	});

	it('accepts ISO dates and date-times and refuses impossible ones', () => {
		const questions = [q('when', 'datetime')];
		for (const good of ['2026-03-14', '2026-03-14T10:30', '2026-03-14 10:30', '2026-03-14T10:30:00+02:00'])
			expect(validateAnswers(questions, { when: good }).ok).toBe(true);
		expect(validateAnswers(questions, { when: '2026-03-14 10:30' })).toEqual({
			ok: true,
			value: { when: '2026-03-14T10:30' }
		});
		for (const bad of ['2026-02-30', '14.03.2026', 'yesterday'])
			expect(validateAnswers(questions, { when: bad })).toEqual({
				ok: false,
				errors: { answer_when: 'reports_answer_datetime_invalid' }
			});
	});

	it('limits text lengths and ignores codes the category does not ask', () => {
		const questions = [q('s', 'string'), q('t', 'text')];
		expect(validateAnswers(questions, { s: 'x'.repeat(501) }).ok).toBe(false);
		expect(validateAnswers(questions, { t: 'x'.repeat(4000), other: 'y' })).toEqual({
			ok: true,
			value: { t: 'x'.repeat(4000) }
		});
	});
});
