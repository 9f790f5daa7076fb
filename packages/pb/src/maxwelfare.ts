/**
 * Maximum utilitarian welfare: the feasible set of projects with the largest total satisfaction (Talmon & Faliszewski,
 * "A framework for approval-based budgeting methods", AAAI 2019), solved exactly as a 0/1 knapsack by depth-first
 * branch and bound with the fractional (LP) bound, in exact integer arithmetic. Ties between optimal sets are broken
 * towards the set found first in density order (then tie-breaking order); compare objectives, not sets, with other
 * solvers.
 */
import { formatMoney, tallies, type Election } from './election.ts';
import { totalSatisfaction, type Satisfaction } from './greedy.ts';
import type { Outcome, ProjectExplanation } from './outcome.ts';
import { tieBreakName, tieRank, type TieBreak } from './tiebreak.ts';

export function maxWelfare(
	e: Election,
	opts: { satisfaction?: Satisfaction; tieBreak?: TieBreak; nodeLimit?: number } = {}
): Outcome {
	const sat: Satisfaction =
		opts.satisfaction ?? (e.voteType === 'approval' || e.voteType === 'choose-1' ? 'cost' : 'cardinal');
	const { votes } = tallies(e);
	const tb = opts.tieBreak ?? 'lexicographic';
	const rank = tieRank(e, tb, votes);
	const val = totalSatisfaction(e, sat);
	const B = e.budget;
	const free: number[] = [];
	const items: number[] = [];
	for (const p of e.projects) {
		if (val[p.index] <= 0n || p.cost > B) continue;
		if (p.cost === 0n) free.push(p.index);
		else items.push(p.index);
	}
	items.sort((a, b) => {
		const l = val[a] * e.projects[b].cost;
		const r = val[b] * e.projects[a].cost;
		return l !== r ? (l > r ? -1 : 1) : rank[a] - rank[b];
	});
	const n = items.length;
	const c = items.map((p) => e.projects[p].cost);
	const v = items.map((p) => val[p]);
	let bestV = -1n;
	let best: number[] = [];
	const cur: number[] = [];
	let nodes = 0;
	const limit = opts.nodeLimit ?? 50_000_000;
	// upper bound scaled: returns [num, den] of the fractional bound from item i with capacity cap, plus value cv
	const boundExceeds = (i: number, cap: bigint, cv: bigint): boolean => {
		let val2 = cv;
		for (let k = i; k < n; k++) {
			if (c[k] <= cap) {
				cap -= c[k];
				val2 += v[k];
			} else {
				// val2 + v[k]*cap/c[k] > bestV  <=>  (val2 - bestV) * c[k] + v[k]*cap > 0
				return (val2 - bestV) * c[k] + v[k] * cap > 0n;
			}
		}
		return val2 > bestV;
	};
	const dfs = (i: number, cap: bigint, cv: bigint): void => {
		if (++nodes > limit) throw new Error(`max-welfare: search exceeded ${limit} nodes`);
		if (i === n) {
			if (cv > bestV) {
				bestV = cv;
				best = [...cur];
			}
			return;
		}
		if (!boundExceeds(i, cap, cv)) return;
		if (c[i] <= cap) {
			cur.push(items[i]);
			dfs(i + 1, cap - c[i], cv + v[i]);
			cur.pop();
		}
		dfs(i + 1, cap, cv);
	};
	dfs(0, B, 0n);
	const chosen = [...free, ...best];
	const inSet = new Set(chosen);
	let total = 0n;
	for (const p of chosen) total += e.projects[p].cost;
	let objective = 0n;
	for (const p of chosen) objective += val[p];
	const expl: ProjectExplanation[] = e.projects.map((p) => ({
		id: p.id,
		cost: formatMoney(p.cost, e.scale),
		funded: inSet.has(p.index),
		reason: inSet.has(p.index) ? 'funded' : 'not-in-optimum',
		votes: votes[p.index]
	}));
	// objective in natural units: cost satisfaction is money (divide by scale)
	const objStr = sat === 'cost' ? formatMoney(objective, e.scale) : objective.toString();
	return {
		rule: 'max-welfare',
		params: { satisfaction: sat, tieBreak: tieBreakName(tb) },
		selected: chosen.map((p) => e.projects[p].id),
		totalCost: formatMoney(total, e.scale),
		budget: formatMoney(B, e.scale),
		explanations: expl,
		details: { objective: objStr, nodes }
	};
}
