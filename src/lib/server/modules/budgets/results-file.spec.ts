import { describe, expect, it } from 'vitest';
import { parseElection } from './pb.ts';
import { explainProject } from './results-explain.ts';
import { countPot, potBallotsFile, recountCommand, type PotFileInput } from './results-file.ts';
import { budgetsGlobalSettings } from './settings.ts';

const settings = (over: object = {}) => budgetsGlobalSettings.parse({ leftoverRule: 'none', ...over });
const input = (over: Partial<PotFileInput> = {}): PotFileInput => ({
	cityName: 'Timișoara',
	edition: 'Timișoara Decide! 2025',
	editionId: 'm1',
	potCode: 'Z1',
	potName: 'Zona 1; Cetate',
	budget: 300,
	settings: settings(),
	projects: [
		{ id: 'b', code: 'Z1-10', title: 'Bănci "noi"', cost: 100 },
		{ id: 'a', code: 'Z1-02', title: 'Copaci', cost: 150 },
		{ id: 'c', code: 'Z1-03', title: 'Fântână', cost: 120 }
	],
	ballots: [
		{ publicId: 'ff01', projectIds: ['a', 'b'] },
		{ publicId: '0a02', projectIds: ['b', 'gone', 'b'] },
		{ publicId: '5c03', projectIds: ['gone'] }
	],
	...over
});

describe('potBallotsFile', () => {
	it('writes a valid Pabulib file: projects in code order, voters by public id, unknown choices dropped', () => {
		const file = potBallotsFile(input());
		const e = parseElection(file.text);
		expect(e.projects.map((p) => p.id)).toEqual(['Z1-02', 'Z1-03', 'Z1-10']);
		expect(file.ballots).toBe(2);
		expect(file.dropped).toBe(2);
		expect(file.text).toContain('VOTES\nvoter_id;vote\n0a02;Z1-10\nff01;Z1-02,Z1-10\n');
		expect(file.text).toContain('min_project_score_threshold;1');
		expect(potBallotsFile(input({ ballots: [...input().ballots].reverse() })).text).toBe(file.text);
	});

	it('keeps points for cumulative ballots and the order for ranking ballots', () => {
		const cumulative = potBallotsFile(
			input({
				settings: settings({ ballotKind: 'cumulative' }),
				ballots: [{ publicId: 'x', projectIds: ['b', 'a'], points: [3, 2] }]
			})
		);
		expect(cumulative.text).toContain('vote_type;cumulative');
		expect(cumulative.text).toContain('x;Z1-10,Z1-02;3,2');
		const ranking = potBallotsFile(input({ settings: settings({ ballotKind: 'ranking' }) }));
		expect(parseElection(ranking.text).voteType).toBe('ordinal');
	});
});

describe('countPot and the leftover rule', () => {
	const text = (s: ReturnType<typeof settings>) => potBallotsFile(input({ settings: s })).text;
	it('greedy never funds a project without votes; the command names the engine rule and tie-break', () => {
		const s = settings({ tieBreak: 'seed', tieBreakSeed: 42 });
		const r = countPot(text(s), s, 'Z1.pb');
		expect(r.selected).toEqual(['Z1-10', 'Z1-02']);
		expect(r.leftover).toBe(50);
		expect(recountCommand(s, 'Z1.pb')).toBe('npx vocea-pb count Z1.pb --rule greedy-threshold --tie-break seed:42');
	});
	it('carry_over records the leftover; top_up never tops up a project nobody voted for', () => {
		const carry = settings({ leftoverRule: 'carry_over' });
		expect(countPot(text(carry), carry, 'Z1.pb')).toMatchObject({ leftover: 50, leftoverAction: 'carry_over' });
		const top = settings({ leftoverRule: 'top_up', topUpLimit: 1000 });
		expect(countPot(text(top), top, 'Z1.pb')).toMatchObject({ leftoverAction: 'top_up_none', topUp: null });
	});
});

describe('explainProject', () => {
	const format = (n: number) => String(n);
	const title = (c: string) => c;
	it('maps greedy and MES reasons to message keys with amounts', () => {
		expect(
			explainProject(
				{ id: 'A', cost: '100', funded: false, reason: 'does-not-fit', rank: 3, budgetLeft: '7/2' },
				{ format, title }
			)
		).toEqual({ key: 'budgets_results_reason_does_not_fit', params: { rank: 3, cost: '100', left: '3.5' } });
		expect(
			explainProject(
				{
					id: 'B',
					cost: '9',
					funded: false,
					reason: 'unaffordable',
					supportersMoney: '2',
					shortfall: '7',
					supportersSpentOn: [{ id: 'A', amount: '1' }]
				},
				{ format, title }
			).key
		).toBe('budgets_results_reason_unaffordable');
		expect(
			explainProject(
				{ id: 'C', cost: '5', funded: false, reason: 'does-not-fit' },
				{ format, title, topUp: { code: 'C', added: 2 } }
			)
		).toEqual({ key: 'budgets_results_reason_top_up', params: { added: '2' } });
		expect(
			explainProject({ id: 'D', cost: '5', funded: false, reason: 'below-threshold' }, { format, title }).key
		).toBe('budgets_results_reason_no_supporters');
	});
});
