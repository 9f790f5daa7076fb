import { describe, expect, it } from 'vitest';
import type { Question } from '#lib/modules/surveys/logic.ts';
import { buildQuestion, questionFormValues, structureChange, type QuestionInput } from './question-form.ts';

const input = (extra: Partial<QuestionInput>): QuestionInput => ({
	type: 'single_choice',
	title: { ro: 'Cum ajungeți la serviciu?' },
	description: { ro: '' },
	...extra
});
const built = (i: QuestionInput, ctx: Parameters<typeof buildQuestion>[1] = { earlier: [] }) => {
	const r = buildQuestion(i, ctx);
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.value;
};

describe('the question form', () => {
	it('turns lines into options, each locale translating the Romanian line of the same rank', () => {
		const q = built(input({ options: { ro: 'Pe jos\n\nCu tramvaiul\n', en: 'On foot\nBy tram' }, allowOther: true }));
		expect(q.config.options?.map((o) => o.label)).toEqual([
			{ ro: 'Pe jos', en: 'On foot' },
			{ ro: 'Cu tramvaiul', en: 'By tram' }
		]);
		expect(q.config.allowOther).toBe(true);
		expect(buildQuestion(input({ options: { ro: 'A\nB', en: 'A' } }), { earlier: [] })).toEqual({
			ok: false,
			errors: { options_en: 'surveys_error_translation_lines' }
		});
		expect(buildQuestion(input({ options: { ro: 'Doar una' } }), { earlier: [] })).toEqual({
			ok: false,
			errors: { options_ro: 'surveys_error_options_min' }
		});
	});

	it('keeps option ids when an option is renamed, so stored answers keep pointing to it', () => {
		const first = built(input({ options: { ro: 'A\nB' } }));
		const existing: Question = { id: 'q1', ...first, condition: null };
		const second = built(input({ options: { ro: 'A bis\nB\nC' } }), { earlier: [], existing });
		expect(second.config.options?.slice(0, 2).map((o) => o.id)).toEqual(first.config.options?.map((o) => o.id));
		expect(second.config.options?.[2].id).not.toBe(first.config.options?.[1].id);
	});

	it('validates bounds per type', () => {
		expect(buildQuestion(input({ type: 'number', min: '10', max: '5' }), { earlier: [] })).toEqual({
			ok: false,
			errors: { max: 'surveys_error_bounds' }
		});
		expect(buildQuestion(input({ type: 'date', minDate: '2025-13-01' }), { earlier: [] })).toEqual({
			ok: false,
			errors: { minDate: 'validation_date' }
		});
		expect(
			buildQuestion(input({ type: 'multiple_choice', options: { ro: 'A\nB' }, maxSelections: '3' }), { earlier: [] })
		).toEqual({ ok: false, errors: { maxSelections: 'surveys_error_selections_range' } });
		expect(
			buildQuestion(input({ type: 'matrix', rows: { ro: 'Tramvai' }, columns: { ro: 'Da' } }), { earlier: [] })
		).toEqual({
			ok: false,
			errors: { columns_ro: 'surveys_error_options_min' }
		});
		expect(buildQuestion({ ...input({}), type: 'essay' as never }, { earlier: [] })).toEqual({
			ok: false,
			errors: { type: 'validation_required' }
		});
	});

	it('accepts a condition only on an option of an earlier choice question', () => {
		const source: Question = { id: 'q1', ...built(input({ options: { ro: 'Da\nNu' } })), condition: null };
		const yes = source.config.options![0].id;
		expect(built(input({ type: 'long_text', condition: `q1:${yes}` }), { earlier: [source] }).condition).toEqual({
			questionId: 'q1',
			optionId: yes
		});
		expect(buildQuestion(input({ type: 'long_text', condition: 'q1:nope' }), { earlier: [source] })).toEqual({
			ok: false,
			errors: { condition: 'surveys_error_condition' }
		});
		expect(buildQuestion(input({ type: 'long_text', condition: `q9:${yes}` }), { earlier: [source] })).toEqual({
			ok: false,
			errors: { condition: 'surveys_error_condition' }
		});
	});

	it('tells a change of texts from a change of structure, and refills its own form', () => {
		const before: Question = {
			id: 'q1',
			...built(input({ options: { ro: 'A\nB' }, required: true })),
			condition: null
		};
		const values = questionFormValues(before) as QuestionInput;
		const same = built(
			{ ...values, title: { ro: 'Titlu nou' }, options: { ro: 'A corectat\nB' } },
			{ earlier: [], existing: before }
		);
		expect(structureChange(before, same)).toBeNull();
		expect(
			structureChange(before, built({ ...values, options: { ro: 'A\nB\nC' } }, { earlier: [], existing: before }))
		).toBe('options_ro');
		expect(structureChange(before, built({ ...values, required: false }, { earlier: [], existing: before }))).toBe(
			'required'
		);
		expect(structureChange(before, built({ ...values, allowOther: true }, { earlier: [], existing: before }))).toBe(
			'allowOther'
		);
	});
});
