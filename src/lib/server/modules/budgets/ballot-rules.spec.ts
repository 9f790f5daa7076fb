import { describe, expect, it } from 'vitest';
import { ballotSummary, checkBallot, choicesFromSelection, duplicateRanks, type BallotDesign } from './ballot-rules.ts';

const pots = [
	{ id: 'city', budget: 1_000_000, name: 'City' },
	{ id: 'z1', budget: 500_000, name: 'Zone 1' },
	{ id: 'z2', budget: 500_000, name: 'Zone 2' }
];
const projects = [
	{ id: 'c1', zoneId: 'city', cost: 400_000, code: 'ORAS-01' },
	{ id: 'c2', zoneId: 'city', cost: 700_000, code: 'ORAS-02' },
	...[1, 2, 3, 4, 5, 6, 7].map((i) => ({ id: `a${i}`, zoneId: 'z1', cost: 100_000 + i * 10_000, code: `Z1-0${i}` })),
	{ id: 'b1', zoneId: 'z2', cost: 200_000, code: 'Z2-01' }
];
const approval: BallotDesign = {
	ballotKind: 'approval',
	maxChoices: 5,
	ballotScope: 'across_zones',
	points: 10,
	maxPointsPerProject: 5
};
const all = ['city', 'z1', 'z2'];
const keys = (r: ReturnType<typeof checkBallot>) => (r.ok ? [] : r.errors.map((e) => e.key));

describe('checkBallot', () => {
	it('accepts an approval ballot within the limit and normalises it into pot and ballot order', () => {
		const r = checkBallot(
			approval,
			pots,
			projects,
			[
				{ zoneId: 'z1', projectIds: ['a3', 'a1'] },
				{ zoneId: 'city', projectIds: ['c1'] }
			],
			all
		);
		expect(r).toEqual({
			ok: true,
			choices: [
				{ zoneId: 'city', projectIds: ['c1'] },
				{ zoneId: 'z1', projectIds: ['a1', 'a3'] }
			]
		});
	});

	it('refuses an empty ballot', () => {
		expect(keys(checkBallot(approval, pots, projects, [], all))).toEqual(['budgets_vote_error_empty']);
		expect(keys(checkBallot(approval, pots, projects, [{ zoneId: 'z1', projectIds: [] }], all))).toEqual([
			'budgets_vote_error_empty'
		]);
	});

	it('counts maxChoices across the ballot or per pot, as the design says', () => {
		const six = [
			{ zoneId: 'z1', projectIds: ['a1', 'a2', 'a3', 'a4', 'a5'] },
			{ zoneId: 'z2', projectIds: ['b1'] }
		];
		const across = checkBallot(approval, pots, projects, six, all);
		expect(across.ok).toBe(false);
		if (!across.ok)
			expect(across.errors).toEqual([{ key: 'budgets_vote_error_too_many', params: { max: 5, chosen: 6 } }]);
		expect(checkBallot({ ...approval, ballotScope: 'per_zone' }, pots, projects, six, all).ok).toBe(true);
		const perZone = checkBallot(
			{ ...approval, ballotScope: 'per_zone', maxChoices: 2 },
			pots,
			projects,
			[{ zoneId: 'z1', projectIds: ['a1', 'a2', 'a3'] }],
			all
		);
		expect(perZone.ok ? null : perZone.errors[0].params).toEqual({ max: 2, chosen: 3, zone: 'Zone 1' });
	});

	it('refuses unknown projects, projects filed under another pot, and duplicates', () => {
		expect(keys(checkBallot(approval, pots, projects, [{ zoneId: 'z1', projectIds: ['nope'] }], all))).toEqual([
			'budgets_vote_error_unknown_project'
		]);
		expect(keys(checkBallot(approval, pots, projects, [{ zoneId: 'z2', projectIds: ['a1'] }], all))).toEqual([
			'budgets_vote_error_unknown_project'
		]);
		const dup = checkBallot(
			approval,
			pots,
			projects,
			[
				{ zoneId: 'z1', projectIds: ['a1'] },
				{ zoneId: 'z1', projectIds: ['a1'] }
			],
			all
		);
		expect(dup.ok ? null : dup.errors).toEqual([{ key: 'budgets_vote_error_duplicate', params: { project: 'Z1-01' } }]);
	});

	it('refuses projects in pots the voter may not vote in', () => {
		const r = checkBallot(approval, pots, projects, [{ zoneId: 'z2', projectIds: ['b1'] }], ['city', 'z1']);
		expect(r.ok ? null : r.errors).toEqual([
			{ key: 'budgets_vote_error_zone_not_allowed', params: { zone: 'Zone 2' } }
		]);
	});

	it('knapsack: the chosen projects must fit the pot, or the voter’s pots together across zones', () => {
		const knapsack: BallotDesign = { ...approval, ballotKind: 'knapsack', ballotScope: 'per_zone' };
		// 110k+120k+130k+140k = 500k fits Zone 1 exactly; adding 150k does not.
		expect(
			checkBallot(knapsack, pots, projects, [{ zoneId: 'z1', projectIds: ['a1', 'a2', 'a3', 'a4'] }], all).ok
		).toBe(true);
		const over = checkBallot(
			knapsack,
			pots,
			projects,
			[{ zoneId: 'z1', projectIds: ['a1', 'a2', 'a3', 'a4', 'a5'] }],
			all
		);
		expect(over.ok ? null : over.errors).toEqual([
			{ key: 'budgets_vote_error_over_budget', params: { budget: 500_000, cost: 650_000, zone: 'Zone 1' } }
		]);
		// Knapsack ignores maxChoices: money decides.
		expect(
			checkBallot({ ...knapsack, maxChoices: 1 }, pots, projects, [{ zoneId: 'z1', projectIds: ['a1', 'a2'] }], all).ok
		).toBe(true);
		// Across zones: the budgets of the voter's pots add up (z1 + z2 = 1,000,000).
		const acrossKnap = { ...knapsack, ballotScope: 'across_zones' as const };
		expect(
			checkBallot(
				acrossKnap,
				pots,
				projects,
				[{ zoneId: 'z1', projectIds: ['a1', 'a2', 'a3', 'a4', 'a5'] }],
				['z1', 'z2']
			).ok
		).toBe(true);
		expect(
			checkBallot(acrossKnap, pots, projects, [{ zoneId: 'z1', projectIds: ['a1', 'a2', 'a3', 'a4', 'a5'] }], ['z1']).ok
		).toBe(false);
	});

	it('cumulative: points per project and in total are bounded; zero points are dropped', () => {
		const cumulative: BallotDesign = { ...approval, ballotKind: 'cumulative' };
		const good = checkBallot(
			cumulative,
			pots,
			projects,
			[{ zoneId: 'z1', projectIds: ['a2', 'a1', 'a3'], points: [5, 5, 0] }],
			all
		);
		expect(good).toEqual({ ok: true, choices: [{ zoneId: 'z1', projectIds: ['a1', 'a2'], points: [5, 5] }] });
		expect(
			keys(
				checkBallot(
					cumulative,
					pots,
					projects,
					[{ zoneId: 'z1', projectIds: ['a1', 'a2', 'a3'], points: [5, 5, 1] }],
					all
				)
			)
		).toEqual(['budgets_vote_error_points_total']);
		expect(
			keys(checkBallot(cumulative, pots, projects, [{ zoneId: 'z1', projectIds: ['a1'], points: [6] }], all))
		).toEqual(['budgets_vote_error_points_per_project']);
		expect(
			keys(checkBallot(cumulative, pots, projects, [{ zoneId: 'z1', projectIds: ['a1'], points: [-1] }], all))
		).toEqual(['budgets_vote_error_points_invalid']);
		expect(
			keys(checkBallot(cumulative, pots, projects, [{ zoneId: 'z1', projectIds: ['a1'], points: [1.5] }], all))
		).toEqual(['budgets_vote_error_points_invalid']);
		expect(
			keys(checkBallot(cumulative, pots, projects, [{ zoneId: 'z1', projectIds: ['a1'], points: [0] }], all))
		).toEqual(['budgets_vote_error_empty']);
	});

	it('ranking: keeps the voter’s order and bounds the length', () => {
		const ranking: BallotDesign = { ...approval, ballotKind: 'ranking', maxChoices: 3 };
		expect(checkBallot(ranking, pots, projects, [{ zoneId: 'z1', projectIds: ['a3', 'a1', 'a2'] }], all)).toEqual({
			ok: true,
			choices: [{ zoneId: 'z1', projectIds: ['a3', 'a1', 'a2'] }]
		});
		expect(
			keys(checkBallot(ranking, pots, projects, [{ zoneId: 'z1', projectIds: ['a3', 'a1', 'a2', 'a4'] }], all))
		).toEqual(['budgets_vote_error_too_many']);
	});

	it('survives malformed input from a forged form', () => {
		const forged = [{ zoneId: 'z1', projectIds: 'a1' }, null, { zoneId: 'z1', projectIds: [42] }] as never;
		expect(checkBallot(approval, pots, projects, forged, all).ok).toBe(false);
	});
});

describe('ballotSummary', () => {
	it('reports chosen, money left per allowed pot and whether the ballot can be cast', () => {
		const s = ballotSummary(
			{ ...approval, maxChoices: 2 },
			pots,
			projects,
			[{ zoneId: 'z1', projectIds: ['a1', 'a2', 'a3'] }],
			['city', 'z1']
		);
		expect(s.chosen).toBe(3);
		expect(s.maxChoices).toBe(2);
		expect(s.satisfied).toBe(false);
		expect(s.errors.map((e) => e.key)).toEqual(['budgets_vote_error_too_many']);
		expect(s.pots.map((p) => [p.zoneId, p.chosen, p.left])).toEqual([
			['city', 0, 1_000_000],
			['z1', 3, 500_000 - 360_000]
		]);
	});

	it('counts points for cumulative ballots', () => {
		const s = ballotSummary(
			{ ...approval, ballotKind: 'cumulative' },
			pots,
			projects,
			[{ zoneId: 'z1', projectIds: ['a1', 'a2'], points: [3, 4] }],
			all
		);
		expect([s.pointsUsed, s.pointsTotal, s.satisfied]).toEqual([7, 10, true]);
	});
});

describe('form selections', () => {
	it('groups by pot and orders by rank', () => {
		expect(
			choicesFromSelection({ ballotKind: 'ranking' }, projects, [
				{ projectId: 'a2', rank: 2 },
				{ projectId: 'c1', rank: 3 },
				{ projectId: 'a1', rank: 1 }
			])
		).toEqual([
			{ zoneId: 'z1', projectIds: ['a1', 'a2'] },
			{ zoneId: 'city', projectIds: ['c1'] }
		]);
		expect(
			duplicateRanks([
				{ projectId: 'a', rank: 1 },
				{ projectId: 'b', rank: 1 },
				{ projectId: 'c', rank: 2 }
			])
		).toEqual([1]);
	});

	it('carries points and keeps unknown projects for checkBallot to report', () => {
		const choices = choicesFromSelection({ ballotKind: 'cumulative' }, projects, [
			{ projectId: 'a1', points: 2 },
			{ projectId: 'zzz', points: 1 }
		]);
		expect(choices).toEqual([
			{ zoneId: 'z1', projectIds: ['a1'], points: [2] },
			{ zoneId: '?', projectIds: ['zzz'], points: [1] }
		]);
		expect(keys(checkBallot({ ...approval, ballotKind: 'cumulative' }, pots, projects, choices, all))).toEqual([
			'budgets_vote_error_unknown_project'
		]);
	});
});
