import { describe, expect, it } from 'vitest';
import type { Answers, Question } from '#lib/modules/surveys/logic.ts';
import { responsesCsv, summarize } from './results.ts';

const q = (id: string, type: Question['type'], config: Question['config'] = {}): Question => ({
	id,
	type,
	title: { ro: `Întrebarea ${id}` },
	description: { ro: '' },
	required: false,
	config,
	condition: null
});
const opts = (...ids: string[]) => ids.map((id) => ({ id, label: { ro: id.toUpperCase() } }));
const questions = [
	q('mode', 'single_choice', { options: opts('walk', 'car'), allowOther: true }),
	q('why', 'multiple_choice', { options: opts('tram', 'bike') }),
	q('rank', 'ranking', { options: opts('x', 'y') }),
	q('grid', 'matrix', { rows: opts('r1', 'r2'), columns: opts('c1', 'c2') }),
	q('min', 'number'),
	q('note', 'long_text')
];

describe('survey results', () => {
	const responses: Answers[] = [
		{
			mode: { option: 'walk' },
			why: { options: ['tram', 'bike'] },
			rank: { ranking: ['x', 'y'] },
			min: { number: 10 }
		},
		{
			mode: { option: 'other', other: 'Trotinetă' },
			why: { options: ['tram'] },
			rank: { ranking: ['y', 'x'] },
			min: { number: 30 },
			grid: { rows: { r1: ['c2'] } }
		},
		{ mode: { option: 'walk' }, rank: { ranking: ['x', 'y'] }, min: { number: 20 }, note: { text: 'Mai multe piste' } }
	];

	it('counts each option among the people who answered, with percentages, and Borda points for rankings', () => {
		const [mode, why, rank, grid, min, note] = summarize(questions, responses, { withTexts: true });
		expect(mode.answered).toBe(3);
		expect(mode.bars.map((b) => [b.key, b.count, b.percent])).toEqual([
			['walk', 2, 66.7],
			['car', 0, 0],
			['other', 1, 33.3]
		]);
		expect(mode.texts).toEqual(['Trotinetă']);
		expect(why.bars.map((b) => [b.key, b.count, b.percent])).toEqual([
			['tram', 2, 100],
			['bike', 1, 50]
		]);
		expect(rank.bars.map((b) => [b.key, b.count])).toEqual([
			['x', 5],
			['y', 4]
		]);
		expect(grid.matrix?.rows.map((r) => r.counts)).toEqual([
			[0, 1],
			[0, 0]
		]);
		expect(min.stats).toEqual({ mean: 20, median: 20, min: 10, max: 30 });
		expect(min.bars.map((b) => [b.key, b.count])).toEqual([
			['10', 1],
			['20', 1],
			['30', 1]
		]);
		expect(note.texts).toEqual(['Mai multe piste']);
	});

	it('never includes free text unless asked (public results)', () => {
		for (const r of summarize(questions, responses)) expect(r.texts).toBeUndefined();
	});

	it('groups many different numbers into six ranges', () => {
		const answers = Array.from({ length: 60 }, (_, i) => ({ min: { number: i } }));
		const [min] = summarize([questions[4]], answers);
		expect(min.bars).toHaveLength(6);
		expect(min.bars.reduce((s, b) => s + b.count, 0)).toBe(60);
	});

	it('exports one row per response and one column per question or option, numbered without identity', () => {
		const csv = responsesCsv(
			questions,
			responses.map((answers, i) => ({ id: ['c', 'a', 'b'][i], answers }))
		);
		const [header, ...rows] = csv.trimEnd().split('\r\n');
		expect(header).toBe(
			'response,1. Întrebarea mode,1. Întrebarea mode — Altceva,2. Întrebarea why — TRAM,2. Întrebarea why — BIKE,3. Întrebarea rank — X,3. Întrebarea rank — Y,4. Întrebarea grid — R1,4. Întrebarea grid — R2,5. Întrebarea min,6. Întrebarea note'
		);
		// Ordered by the random id ('a', 'b', 'c'), not by submission.
		expect(rows).toEqual([
			'1,Altceva,Trotinetă,1,0,2,1,C2,,30,',
			'2,WALK,,,,1,2,,,20,Mai multe piste',
			'3,WALK,,1,1,1,2,,,10,'
		]);
	});
});
