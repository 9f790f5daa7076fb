/**
 * Sequential Phragmén for PB (Phragmén 1894; Brill, Freeman, Janson & Lackner, "Phragmén's voting methods and
 * justified representation", AAAI 2017; Los, Christoff & Grossi, "Proportional budget allocations", 2022), with
 * pabutools' semantics: voters earn money continuously; the project whose supporters first reach its cost (the
 * smallest new maximum load (Σ supporters' loads + cost) / approvals) is bought and its supporters' loads set to that
 * value; the rule stops as soon as such a project (or any project tied with it) does not fit in the remaining budget —
 * it is not exhaustive. Projects costing more than the budget are never considered. Approval-like ballots only.
 */
import { formatMoney, multiProfile, tallies, type Election } from './election.ts';
import { formatMoneyRational, type Outcome, type ProjectExplanation } from './outcome.ts';
import * as R from './rational.ts';
import type { Rat } from './rational.ts';
import { tieBreakName, tieRank, type TieBreak } from './tiebreak.ts';

export function phragmen(e: Election, opts: { tieBreak?: TieBreak } = {}): Outcome {
	const prof = multiProfile(e);
	const { votes } = tallies(e);
	const tb = opts.tieBreak ?? 'lexicographic';
	const rank = tieRank(e, tb, votes);
	const P = e.projects.length;
	const sup: number[][] = Array.from({ length: P }, () => []);
	for (let g = 0; g < prof.numGroups; g++)
		for (let k = prof.start[g]; k < prof.start[g + 1]; k++) sup[prof.projects[k]].push(g);
	const loadIdx = new Int32Array(prof.numGroups).fill(-1); // -1: load 0
	const loads: Rat[] = [];
	const remaining = new Set(e.projects.filter((p) => p.cost <= e.budget).map((p) => p.index));
	let spent = 0n;
	const order: number[] = [];
	const expl: ProjectExplanation[] = e.projects.map((p) => ({
		id: p.id,
		cost: formatMoney(p.cost, e.scale),
		funded: false,
		reason: p.cost > e.budget ? 'does-not-fit' : 'stopped',
		votes: votes[p.index]
	}));
	let stoppedAt: string[] = [];
	while (remaining.size > 0) {
		let best: Rat | null = null; // null = infinity
		let tied: number[] = [];
		for (const p of remaining) {
			let nl: Rat | null;
			if (votes[p] === 0) nl = null;
			else {
				const agg = new Map<number, bigint>();
				for (const g of sup[p])
					if (loadIdx[g] >= 0) agg.set(loadIdx[g], (agg.get(loadIdx[g]) ?? 0n) + BigInt(prof.weight[g]));
				let s: Rat = R.rat(e.projects[p].cost);
				for (const [j, wsum] of agg) s = R.add(s, R.mulInt(loads[j], wsum));
				nl = R.divInt(s, BigInt(votes[p]));
			}
			const c = tied.length === 0 ? -1 : nl === null ? (best === null ? 0 : 1) : best === null ? -1 : R.cmp(nl, best);
			if (c < 0) {
				best = nl;
				tied = [p];
			} else if (c === 0) tied.push(p);
		}
		if (tied.some((p) => spent + e.projects[p].cost > e.budget)) {
			stoppedAt = tied.map((p) => e.projects[p].id);
			break;
		}
		tied.sort((a, b) => rank[a] - rank[b]);
		const p = tied[0];
		const j = loads.length;
		loads.push(best ?? R.ZERO);
		for (const g of sup[p]) loadIdx[g] = j;
		order.push(p);
		spent += e.projects[p].cost;
		remaining.delete(p);
		const ex = expl[p];
		ex.funded = true;
		ex.reason = 'funded';
		ex.round = order.length;
		if (best) ex.load = formatMoneyRational(R.reduce(best).n, R.reduce(best).d, e.scale);
	}
	return {
		rule: 'phragmen',
		params: { tieBreak: tieBreakName(tb) },
		selected: order.map((p) => e.projects[p].id),
		totalCost: formatMoney(spent, e.scale),
		budget: formatMoney(e.budget, e.scale),
		explanations: expl,
		details: { stoppedAt }
	};
}
