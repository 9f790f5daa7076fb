import { describe, expect, it } from 'vitest';
import type { Question } from '#lib/modules/surveys/logic.ts';
import { visibleQuestionIds } from '#lib/modules/surveys/logic.ts';
import {
	checkAnswer,
	fieldsFromAnswers,
	parseNumber,
	readAnswersForm,
	toRawAnswers,
	validateAnswers,
	withoutFreeText
} from './answers.ts';

const q = (
	id: string,
	type: Question['type'],
	config: Question['config'] = {},
	extra: Partial<Question> = {}
): Question => ({
	id,
	type,
	title: { ro: id },
	description: { ro: '' },
	required: false,
	config,
	condition: null,
	...extra
});
const opts = (...ids: string[]) => ids.map((id) => ({ id, label: { ro: id.toUpperCase() } }));
const raw = (...values: string[]) => ({ values });

describe('checking one answer', () => {
	it('trims texts, treats blank as unanswered and limits length', () => {
		expect(checkAnswer(q('a', 'short_text'), raw('  Piața Iosefin '))).toEqual({ answer: { text: 'Piața Iosefin' } });
		expect(checkAnswer(q('a', 'short_text'), raw('   '))).toBeNull();
		expect(checkAnswer(q('a', 'short_text'), raw('x'.repeat(501)))).toEqual({ error: 'validation_too_long' });
		expect(checkAnswer(q('a', 'long_text'), raw('x'.repeat(5000)))).toEqual({ answer: { text: 'x'.repeat(5000) } });
	});

	it('accepts one known option, or "other" with its text', () => {
		const single = q('a', 'single_choice', { options: opts('x', 'y'), allowOther: true });
		expect(checkAnswer(single, raw('y'))).toEqual({ answer: { option: 'y' } });
		expect(checkAnswer(single, raw('z'))).toEqual({ error: 'validation_invalid' });
		expect(checkAnswer(single, raw('x', 'y'))).toEqual({ error: 'validation_invalid' });
		expect(checkAnswer(single, { values: ['other'], other: ' ' })).toEqual({ error: 'surveys_error_other_text' });
		expect(checkAnswer(single, { values: ['other'], other: 'Pe role' })).toEqual({
			answer: { option: 'other', other: 'Pe role' }
		});
		expect(checkAnswer({ ...single, config: { options: opts('x') } }, raw('other'))).toEqual({
			error: 'validation_invalid'
		});
	});

	it('checks how many options a multiple choice takes and keeps the questionnaire order', () => {
		const multi = q('a', 'multiple_choice', { options: opts('x', 'y', 'z'), minSelections: 2, maxSelections: 2 });
		expect(checkAnswer(multi, raw('z', 'x'))).toEqual({ answer: { options: ['x', 'z'] } });
		expect(checkAnswer(multi, raw('x'))).toEqual({ error: 'surveys_error_too_few' });
		expect(checkAnswer(multi, raw('x', 'y', 'z'))).toEqual({ error: 'surveys_error_too_many' });
		expect(checkAnswer(multi, raw('x', 'x'))).toEqual({ error: 'surveys_error_too_few' });
		expect(checkAnswer(multi, raw('x', 'nope'))).toEqual({ error: 'validation_invalid' });
	});

	it('needs a full ranking with distinct places', () => {
		const rank = q('a', 'ranking', { options: opts('x', 'y', 'z') });
		const parts = (x: string, y: string, z: string) => ({ values: [], parts: { x: [x], y: [y], z: [z] } });
		expect(checkAnswer(rank, parts('2', '3', '1'))).toEqual({ answer: { ranking: ['z', 'x', 'y'] } });
		expect(checkAnswer(rank, parts('', '', ''))).toBeNull();
		expect(checkAnswer(rank, parts('1', '', '2'))).toEqual({ error: 'surveys_error_rank_all' });
		expect(checkAnswer(rank, parts('1', '1', '2'))).toEqual({ error: 'surveys_error_rank_unique' });
		expect(checkAnswer(rank, parts('1', '2', '4'))).toEqual({ error: 'surveys_error_rank_unique' });
	});

	it('takes one column per matrix row unless several are allowed, and every row when required', () => {
		const matrix = q('a', 'matrix', { rows: opts('r1', 'r2'), columns: opts('c1', 'c2'), multiplePerRow: false });
		expect(checkAnswer(matrix, { values: [], parts: { r1: ['c2'], r2: [] } })).toEqual({
			answer: { rows: { r1: ['c2'] } }
		});
		expect(checkAnswer(matrix, { values: [], parts: { r1: ['c1', 'c2'] } })).toEqual({ error: 'validation_invalid' });
		expect(checkAnswer(matrix, { values: [], parts: { r1: ['c9'] } })).toEqual({ error: 'validation_invalid' });
		expect(checkAnswer({ ...matrix, required: true }, { values: [], parts: { r1: ['c1'] } })).toEqual({
			error: 'surveys_error_matrix_rows'
		});
		const several = { ...matrix, config: { ...matrix.config, multiplePerRow: true } };
		expect(checkAnswer(several, { values: [], parts: { r1: ['c1', 'c2'] } })).toEqual({
			answer: { rows: { r1: ['c1', 'c2'] } }
		});
	});

	it('reads numbers with a comma or a point, within bounds, whole when asked', () => {
		expect(parseNumber('12,5')).toBe(12.5);
		expect(parseNumber('1 200')).toBe(1200);
		expect(parseNumber('12abc')).toBeNaN();
		const n = q('a', 'number', { min: 0, max: 240, integer: true });
		expect(checkAnswer(n, raw('45'))).toEqual({ answer: { number: 45 } });
		expect(checkAnswer(n, raw('4,5'))).toEqual({ error: 'surveys_error_integer' });
		expect(checkAnswer(n, raw('300'))).toEqual({ error: 'surveys_error_number_range' });
		expect(checkAnswer(n, raw('-1'))).toEqual({ error: 'surveys_error_number_range' });
		expect(checkAnswer(n, raw('patruzeci'))).toEqual({ error: 'surveys_error_number' });
	});

	it('takes real calendar dates within bounds', () => {
		const d = q('a', 'date', { minDate: '2020-01-01', maxDate: '2025-12-31' });
		expect(checkAnswer(d, raw('2024-02-29'))).toEqual({ answer: { date: '2024-02-29' } });
		expect(checkAnswer(d, raw('2023-02-29'))).toEqual({ error: 'validation_date' });
		expect(checkAnswer(d, raw('29.02.2024'))).toEqual({ error: 'validation_date' });
		expect(checkAnswer(d, raw('2019-12-31'))).toEqual({ error: 'surveys_error_date_range' });
	});
});

describe('a whole submission', () => {
	const questions = [
		q('mode', 'single_choice', { options: opts('walk', 'car') }, { required: true }),
		q(
			'why',
			'multiple_choice',
			{ options: opts('tram', 'bike') },
			{ required: true, condition: { questionId: 'mode', optionId: 'car' } }
		),
		q('more', 'short_text', {}, { condition: { questionId: 'why', optionId: 'tram' } }),
		q('minutes', 'number', { min: 0 })
	];

	it('shows a conditional question only when its (visible) source has the option, in chains', () => {
		const chosen = (map: Record<string, string[]>) => (id: string) => map[id] ?? [];
		expect([...visibleQuestionIds(questions, chosen({ mode: ['walk'], why: ['tram'] }))]).toEqual(['mode', 'minutes']);
		expect([...visibleQuestionIds(questions, chosen({ mode: ['car'], why: ['tram'] }))]).toEqual([
			'mode',
			'why',
			'more',
			'minutes'
		]);
	});

	it('ignores answers to hidden questions, and requires visible required ones', () => {
		const fields = { q_mode: ['walk'], q_why: ['tram'], q_more: ['secret'], q_minutes: ['20'] };
		expect(validateAnswers(questions, toRawAnswers(fields, questions))).toEqual({
			ok: true,
			answers: { mode: { option: 'walk' }, minutes: { number: 20 } }
		});
		const car = { q_mode: ['car'], q_minutes: ['-5'] };
		expect(validateAnswers(questions, toRawAnswers(car, questions))).toEqual({
			ok: false,
			errors: { q_why: 'validation_required', q_minutes: 'surveys_error_number_range' }
		});
		expect(validateAnswers(questions, toRawAnswers({}, questions))).toEqual({
			ok: false,
			errors: { q_mode: 'validation_required' }
		});
	});

	it('reads only survey fields from a form, and refills the form from stored answers', () => {
		const form = new FormData();
		form.append('q_mode', 'car');
		form.append('q_why', 'tram');
		form.append('q_why', 'bike');
		form.append('csrf', 'x');
		expect(readAnswersForm(form)).toEqual({ q_mode: ['car'], q_why: ['tram', 'bike'] });
		const rank = q('r', 'ranking', { options: opts('x', 'y') });
		const matrix = q('m', 'matrix', { rows: opts('r1'), columns: opts('c1') });
		const stored = {
			mode: { option: 'car' },
			why: { options: ['tram'], other: 'x' },
			r: { ranking: ['y', 'x'] },
			m: { rows: { r1: ['c1'] } }
		};
		expect(fieldsFromAnswers([...questions, rank, matrix], stored)).toEqual({
			q_mode: ['car'],
			q_why: ['tram'],
			q_why_other: ['x'],
			q_r_y: ['1'],
			q_r_x: ['2'],
			q_m_r1: ['c1']
		});
	});

	it('keeps no free text when a response is anonymised', () => {
		expect(
			withoutFreeText({
				a: { text: 'Locuiesc pe strada Mea nr. 3' },
				b: { option: 'other', other: 'Ion Popescu' },
				c: { options: ['x', 'other'], other: 'nume' },
				d: { number: 3 }
			})
		).toEqual({ b: { option: 'other' }, c: { options: ['x', 'other'] }, d: { number: 3 } });
	});
});
