/**
 * Greedy rules.
 *
 * City greedy (CONSUL, Your Priorities, most Polish cities; Pabulib `greedy`, `greedy-no-skip`, `greedy-threshold`,
 * Poznań's `greedy-custom`): rank projects by votes (approval, choose-1) or score (cumulative, ordinal, scoring),
 * ties by the tie-breaking order (file order by default); walk down the ranking and fund each project that still
 * fits (skip-and-continue), or stop at the first one that does not (no-skip). A minimum-score threshold removes
 * projects below it. Poznań: no-skip, then the project that did not fit is also funded if the budget left covers at
 * least 80 % of its cost.
 *
 * Utilitarian greedy (pabutools `greedy_utilitarian_welfare` with an additive satisfaction): rank by total
 * satisfaction divided by cost (cost satisfaction on approval: approvals; cardinality: approvals per unit of cost;
 * cumulative: points per unit of cost), zero-cost supported projects first, unsupported projects last; skip.
 */
import { formatMoney, tallies, type Election } from './election.ts';
import { formatRational, type Outcome, type ProjectExplanation } from './outcome.ts';
import { tieBreakName, tieRank, type TieBreak } from './tiebreak.ts';

export type GreedyKey = 'votes' | 'score';

export interface CityGreedyOptions {
	/** Ranking key; default: votes for approval / choose-1, score otherwise. */
	by?: GreedyKey;
	/** Stop at the first project that does not fit (default false: skip and continue). */
	noSkip?: boolean;
	/** Minimum score (in the ranking key) a project needs to be eligible. */
	threshold?: number | null;
	/** Poznań: after stopping, fund the next project if the budget left is at least 80 % of its cost. */
	poznan80?: boolean;
	tieBreak?: TieBreak;
	/** Budget override (units of 1/scale). */
	budget?: bigint;
}

export function defaultKey(e: Election): GreedyKey {
	return e.voteType === 'approval' || e.voteType === 'choose-1' ? 'votes' : 'score';
}

export function cityGreedy(e: Election, opts: CityGreedyOptions = {}, ruleName = 'greedy'): Outcome {
	const { votes, scores } = tallies(e);
	const by = opts.by ?? defaultKey(e);
	const key = by === 'votes' ? Float64Array.from(votes) : scores;
	const tb = opts.tieBreak ?? 'file-order';
	const rank = tieRank(e, tb, votes);
	const order = e.projects.map((p) => p.index);
	order.sort((a, b) => (key[b] !== key[a] ? key[b] - key[a] : rank[a] - rank[b]));
	let left = opts.budget ?? e.budget;
	const budget = left;
	const selected: string[] = [];
	const expl: ProjectExplanation[] = new Array(e.projects.length);
	let stopped = false;
	let extraDone = false;
	let total = 0n;
	order.forEach((p, i) => {
		const pr = e.projects[p];
		const base: ProjectExplanation = {
			id: pr.id,
			cost: formatMoney(pr.cost, e.scale),
			funded: false,
			reason: 'does-not-fit',
			rank: i + 1,
			votes: votes[p],
			score: String(key[p]),
			budgetLeft: formatMoney(left, e.scale)
		};
		expl[p] = base;
		if (opts.threshold != null && key[p] < opts.threshold) {
			base.reason = 'below-threshold';
			return;
		}
		if (stopped) {
			if (opts.poznan80 && !extraDone) {
				// handled at the stop point
			}
			base.reason = 'after-stop';
			return;
		}
		if (pr.cost <= left) {
			left -= pr.cost;
			total += pr.cost;
			selected.push(pr.id);
			base.funded = true;
			base.reason = 'funded';
		} else if (opts.noSkip || opts.poznan80) {
			stopped = true;
			if (opts.poznan80 && left * 10n >= pr.cost * 8n) {
				extraDone = true;
				total += pr.cost;
				selected.push(pr.id);
				base.funded = true;
				base.reason = 'funded-80-percent';
				left = 0n;
			}
		}
	});
	return {
		rule: ruleName,
		params: {
			by,
			skip: !(opts.noSkip || opts.poznan80),
			threshold: opts.threshold ?? null,
			poznan80: !!opts.poznan80,
			tieBreak: tieBreakName(tb)
		},
		selected,
		totalCost: formatMoney(total, e.scale),
		budget: formatMoney(budget, e.scale),
		explanations: expl,
		details: { budgetLeft: formatMoney(budget - total < 0n ? 0n : budget - total, e.scale) }
	};
}

export type Satisfaction = 'cost' | 'cardinality' | 'cardinal';

/** Total satisfaction of each project: cost × approvals, approvals, or points (as bigint in units of 1/scale for cost). */
export function totalSatisfaction(e: Election, sat: Satisfaction): bigint[] {
	const { votes, scores } = tallies(e);
	return e.projects.map((p, i) =>
		sat === 'cost' ? p.cost * BigInt(votes[i]) : sat === 'cardinality' ? BigInt(votes[i]) : BigInt(scores[i])
	);
}

/**
 * pabutools' greedy utilitarian welfare for additive satisfactions: rank by satisfaction / cost (exact), skip.
 * `initial` projects are kept (completion of another rule's outcome).
 */
export function utilitarianGreedy(
	e: Election,
	sat: Satisfaction,
	opts: { tieBreak?: TieBreak; initial?: number[]; budget?: bigint } = {},
	ruleName = 'greedy-utilitarian'
): Outcome & { order: number[] } {
	const { votes } = tallies(e);
	const tb = opts.tieBreak ?? 'lexicographic';
	const rank = tieRank(e, tb, votes);
	const ts = totalSatisfaction(e, sat);
	const budget = opts.budget ?? e.budget;
	const initial = new Set(opts.initial ?? []);
	// density class: 2 = infinite (supported, zero cost), 1 = positive finite, 0 = zero satisfaction
	const cls = (p: number) => (ts[p] > 0n ? (e.projects[p].cost === 0n ? 2 : 1) : 0);
	const cand = e.projects.map((p) => p.index).filter((p) => !initial.has(p));
	cand.sort((a, b) => {
		const ca = cls(a);
		const cb = cls(b);
		if (ca !== cb) return cb - ca;
		if (ca === 1) {
			const l = ts[a] * e.projects[b].cost;
			const r = ts[b] * e.projects[a].cost;
			if (l !== r) return l > r ? -1 : 1;
		}
		return rank[a] - rank[b];
	});
	let spent = 0n;
	const selected: number[] = [...(opts.initial ?? [])];
	for (const p of initial) spent += e.projects[p].cost;
	const expl: ProjectExplanation[] = e.projects.map((p) => ({
		id: p.id,
		cost: formatMoney(p.cost, e.scale),
		funded: initial.has(p.index),
		reason: initial.has(p.index) ? 'funded' : 'does-not-fit',
		votes: votes[p.index]
	}));
	const added: number[] = [];
	cand.forEach((p, i) => {
		const pr = e.projects[p];
		const ex = expl[p];
		ex.rank = i + 1;
		ex.score =
			cls(p) === 2
				? 'inf'
				: cls(p) === 0
					? '0'
					: formatRational(ts[p] * (sat === 'cost' ? 1n : e.scale), sat === 'cost' ? pr.cost : pr.cost);
		ex.budgetLeft = formatMoney(budget - spent, e.scale);
		if (spent + pr.cost <= budget) {
			spent += pr.cost;
			selected.push(p);
			added.push(p);
			ex.funded = true;
			ex.reason = initial.size > 0 ? 'added-by-completion' : 'funded';
		}
	});
	return {
		rule: ruleName,
		params: { satisfaction: sat, tieBreak: tieBreakName(tb) },
		selected: selected.map((p) => e.projects[p].id),
		order: selected,
		totalCost: formatMoney(spent, e.scale),
		budget: formatMoney(budget, e.scale),
		explanations: expl,
		details: { addedByCompletion: initial.size > 0 ? added.map((p) => e.projects[p].id) : [] }
	};
}
