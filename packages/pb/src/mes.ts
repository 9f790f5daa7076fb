/**
 * The Method of Equal Shares (Peters & Skowron, "Proportionality and the limits of welfarism", EC 2020; Peters,
 * Pierczyński & Skowron, "Proportional participatory budgeting with additive utilities", NeurIPS 2021;
 * https://equalshares.net), with its completions:
 *
 *  - Add1 (raise every voter's endowment by one unit of money at a time and re-run MES): stop at the first
 *    exhaustive outcome (`exhaustive`; equalshares.net's default and pabutools' `voter_budget_increment=1`), or keep
 *    raising while the outcome stays within budget (`budget`; Pabulib's `equalshares/add1`, the variant that
 *    reproduces Wieliczka 2023). The endowment is never bisected: outcomes are not monotone in it.
 *  - Add1u: Add1, then fill the rest by vote count (equalshares.net).
 *  - utilitarian greedy completion (pabutools `completion_by_rule_combination` with greedy).
 *  - the comparison step (equalshares.net): keep greedy-by-votes instead if more voters prefer it.
 *
 * Two flavours fix the details on which the two reference implementations differ (see README):
 *  - `pabutools`: endowment B/n (+1, +2, … for Add1), exhaustiveness over the projects MES could buy, ties by project
 *    id (lexicographic), supported zero-cost projects taken first;
 *  - `equalshares`: Add1 starts at ⌊B/n⌋, exhaustiveness over all projects, ties by lowest cost then most votes,
 *    plain MES when everything is affordable.
 */
import { formatMoney, multiProfile, tallies, type Election, type Profile } from './election.ts';
import { formatMoneyRational, formatRational, type Outcome, type ProjectExplanation } from './outcome.ts';
import * as R from './rational.ts';
import type { Rat } from './rational.ts';
import { tieBreakName, tieRank, type TieBreak } from './tiebreak.ts';
import type { MesInput, MesRun } from './mes-types.ts';
import { mesRunNaive } from './mes-naive.ts';
import { mesRunFast } from './mes-fast.ts';

export type MesUtility = 'cost' | 'cardinality' | 'cardinal';
export type Completion = 'none' | 'add1' | 'add1u' | 'greedy';
export type Flavour = 'pabutools' | 'equalshares';

export interface MesOptions {
	/** cost / cardinality for approval-like ballots; cardinal (points) for cumulative, scoring and ordinal. */
	utility?: MesUtility;
	completion?: Completion;
	/** Add1 stop: `exhaustive` (first exhaustive outcome) or `budget` (continue while within budget). */
	add1Stop?: 'exhaustive' | 'budget';
	flavour?: Flavour;
	tieBreak?: TieBreak;
	/** Add1 start: `exact` (B/n) or `integral` (⌊B/n⌋). Default from the flavour. */
	add1Start?: 'exact' | 'integral';
	/** Comparison step against greedy-by-votes (equalshares.net "satisfaction" comparison). */
	comparison?: boolean;
	/** Engine: fast (default) or naive (reference; slow). */
	engine?: 'fast' | 'naive';
	/** Compute explanations (default true). */
	explain?: boolean;
}

export interface PreparedMes {
	input: MesInput;
	profile: Profile;
	votes: Int32Array;
	zeroCostTaken: number[];
}

export function prepareMes(e: Election, utility: MesUtility, rank: Int32Array, flavour: Flavour): PreparedMes {
	const profile = multiProfile(e);
	const { votes } = tallies(e);
	const util = utility === 'cardinal' ? profile.points : new Int32Array(profile.projects.length).fill(1);
	const costs = e.projects.map((p) => p.cost);
	const factor = e.projects.map((p) => (utility === 'cost' ? p.cost : 1n));
	const totalSat = new Array<bigint>(costs.length).fill(0n);
	for (let g = 0; g < profile.numGroups; g++)
		for (let k = profile.start[g]; k < profile.start[g + 1]; k++)
			totalSat[profile.projects[k]] += BigInt(profile.weight[g]) * BigInt(util[k]) * factor[profile.projects[k]];
	const eligible = costs.map((c, p) => c > 0n && totalSat[p] > 0n);
	// pabutools takes supported zero-cost projects first (support = positive total satisfaction); equalshares ignores them
	const zeroCostTaken =
		flavour === 'pabutools'
			? costs
					.map((c, p) => (c === 0n && totalSat[p] > 0n ? p : -1))
					.filter((p) => p >= 0)
					.sort((a, b) => rank[a] - rank[b])
			: [];
	return {
		input: {
			weight: profile.weight,
			start: profile.start,
			projects: profile.projects,
			util,
			costs,
			factor,
			eligible,
			rank
		},
		profile,
		votes,
		zeroCostTaken
	};
}

/** Order in which JavaScript enumerates object keys: canonical array indices ascending, then the rest in file order. */
export function jsKeyOrder(ids: string[]): number[] {
	const idx = ids.map((_, i) => i);
	const isIndex = (s: string) => /^(0|[1-9]\d*)$/.test(s) && Number(s) < 4294967295;
	const a = idx.filter((i) => isIndex(ids[i])).sort((x, y) => Number(ids[x]) - Number(ids[y]));
	const b = idx.filter((i) => !isIndex(ids[i]));
	return [...a, ...b];
}

function costOf(e: Election, set: Iterable<number>): bigint {
	let s = 0n;
	for (const p of set) s += e.projects[p].cost;
	return s;
}

/** equalshares.net's utilitarian completion / greedy: by approvals descending (stable in JS key order), skip. */
function byVotesCompletion(e: Election, votes: Int32Array, already: number[]): { winners: number[]; added: number[] } {
	const winners = [...already];
	const inW = new Set(already);
	let spent = costOf(e, already);
	const order = jsKeyOrder(e.projects.map((p) => p.id));
	order.sort((a, b) => votes[b] - votes[a]); // Array.prototype.sort is stable
	const added: number[] = [];
	for (const p of order) {
		if (inW.has(p) || spent + e.projects[p].cost > e.budget) continue;
		winners.push(p);
		inW.add(p);
		added.push(p);
		spent += e.projects[p].cost;
	}
	return { winners, added };
}

/**
 * equalshares.net's comparison: a voter prefers the outcome that funds more of the projects they approved. With
 * `bothPositive` (what the equalshares.net tool actually computes: it compares `undefined` for zero), a voter is
 * only counted when they approve at least one project of each outcome.
 */
function satisfactionComparison(e: Election, profile: Profile, mes: number[], greedy: number[], bothPositive: boolean) {
	const inM = new Uint8Array(e.projects.length);
	const inG = new Uint8Array(e.projects.length);
	for (const p of mes) inM[p] = 1;
	for (const p of greedy) inG[p] = 1;
	let prefersMES = 0;
	let prefersGreedy = 0;
	for (let g = 0; g < profile.numGroups; g++) {
		let sm = 0;
		let sg = 0;
		for (let k = profile.start[g]; k < profile.start[g + 1]; k++) {
			sm += inM[profile.projects[k]];
			sg += inG[profile.projects[k]];
		}
		if (bothPositive && (sm === 0 || sg === 0)) continue;
		if (sm > sg) prefersMES += profile.weight[g];
		else if (sg > sm) prefersGreedy += profile.weight[g];
	}
	return { prefersMES, prefersGreedy };
}

export interface MesResultDetails {
	endowment: string;
	add1Steps: number;
	rounds: { project: string; rho: string }[];
	addedByCompletion: string[];
	comparison: { prefersMES: number; prefersGreedy: number; greedyChosen: boolean } | null;
}

export function mes(e: Election, opts: MesOptions = {}): Outcome {
	const flavour: Flavour = opts.flavour ?? 'pabutools';
	const utility: MesUtility =
		opts.utility ?? (e.voteType === 'approval' || e.voteType === 'choose-1' ? 'cost' : 'cardinal');
	const completion: Completion = opts.completion ?? 'none';
	const add1Stop = opts.add1Stop ?? 'exhaustive';
	const add1Start = opts.add1Start ?? (flavour === 'equalshares' ? 'integral' : 'exact');
	const tb: TieBreak = opts.tieBreak ?? (flavour === 'equalshares' ? 'min-cost-max-votes' : 'lexicographic');
	const { votes } = tallies(e);
	const rank = tieRank(e, tb, votes);
	const prep = prepareMes(e, utility, rank, flavour);
	const run = (endow: Rat): MesRun =>
		opts.engine === 'naive' ? mesRunNaive(prep.input, endow) : mesRunFast(prep.input, endow);
	const n = BigInt(e.numVoters);
	const B = e.budget;
	const withZero = (order: number[]) => [...prep.zeroCostTaken, ...order];

	let endow: Rat = R.rat(B, n === 0n ? 1n : n);
	let result: MesRun;
	let steps = 0;
	const totalAll = costOf(
		e,
		e.projects.map((p) => p.index)
	);
	if (completion === 'add1' || completion === 'add1u') {
		if (flavour === 'equalshares' && totalAll <= B) {
			result = run(endow);
		} else {
			if (add1Start === 'integral') endow = R.rat(n === 0n ? 0n : (B / (n * e.scale)) * e.scale);
			// exhaustiveness domain: equalshares = all projects; pabutools = projects MES could buy
			const domain = e.projects.map((p) => p.index).filter((p) => flavour === 'equalshares' || prep.input.eligible[p]);
			const exhaustive = (sel: number[]) => {
				const s = new Set(sel);
				const c = costOf(e, sel);
				return !domain.some((p) => !s.has(p) && c + e.projects[p].cost <= B);
			};
			result = run(endow);
			for (;;) {
				if (add1Stop === 'exhaustive' && exhaustive(withZero(result.order))) break;
				const nextEndow = R.add(endow, R.rat(e.scale)); // one unit of money
				const next = run(nextEndow);
				steps++;
				if (costOf(e, withZero(next.order)) > B) break;
				endow = nextEndow;
				result = next;
			}
		}
	} else {
		result = run(endow);
	}
	let winners = withZero(result.order);
	let added: number[] = [];
	if (completion === 'add1u') {
		const c = byVotesCompletion(e, votes, winners);
		winners = c.winners;
		added = c.added;
	} else if (completion === 'greedy') {
		// pabutools: greedy utilitarian welfare (same satisfaction) started from the MES outcome
		const inW = new Set(winners);
		let spent = costOf(e, winners);
		const dens = (p: number): [number, bigint, bigint] => {
			let s = 0n;
			for (let g = 0; g < prep.profile.numGroups; g++)
				for (let k = prep.profile.start[g]; k < prep.profile.start[g + 1]; k++)
					if (prep.profile.projects[k] === p)
						s += BigInt(prep.profile.weight[g]) * BigInt(prep.input.util[k]) * prep.input.factor[p];
			const c = e.projects[p].cost;
			return s > 0n ? (c === 0n ? [2, 1n, 1n] : [1, s, c]) : [0, 0n, 1n];
		};
		const cand = e.projects.map((p) => p.index).filter((p) => !inW.has(p));
		const d = new Map(cand.map((p) => [p, dens(p)]));
		cand.sort((a, b) => {
			const [ca, sa, xa] = d.get(a) as [number, bigint, bigint];
			const [cb, sb, xb] = d.get(b) as [number, bigint, bigint];
			if (ca !== cb) return cb - ca;
			if (ca === 1 && sa * xb !== sb * xa) return sa * xb > sb * xa ? -1 : 1;
			return rank[a] - rank[b];
		});
		for (const p of cand)
			if (spent + e.projects[p].cost <= B) {
				spent += e.projects[p].cost;
				winners.push(p);
				added.push(p);
			}
	}
	let comparison: MesResultDetails['comparison'] = null;
	const mesWinners = winners;
	if (opts.comparison) {
		const greedy = byVotesCompletion(e, votes, []).winners;
		const c = satisfactionComparison(e, prep.profile, winners, greedy, flavour === 'equalshares');
		const greedyChosen = c.prefersGreedy > c.prefersMES;
		comparison = { ...c, greedyChosen };
		if (greedyChosen) winners = greedy;
	}

	const total = costOf(e, winners);
	const explanations =
		opts.explain === false
			? []
			: explainMes(e, prep, result, endow, winners, mesWinners, added, comparison?.greedyChosen ?? false);
	const details: MesResultDetails = {
		endowment: formatMoneyRational(endow.n, endow.d, e.scale),
		add1Steps: steps,
		rounds: result.order.map((p, i) => ({
			project: e.projects[p].id,
			rho: formatRational(result.rhos[i].n, result.rhos[i].d)
		})),
		addedByCompletion: added.map((p) => e.projects[p].id),
		comparison
	};
	return {
		rule: completion === 'none' ? 'mes' : completion === 'greedy' ? 'mes-greedy' : `mes-${completion}`,
		params: {
			utility,
			completion,
			add1Stop: completion === 'add1' || completion === 'add1u' ? add1Stop : null,
			add1Start: completion === 'add1' || completion === 'add1u' ? add1Start : null,
			flavour,
			comparison: !!opts.comparison,
			tieBreak: tieBreakName(tb)
		},
		selected: winners.map((p) => e.projects[p].id),
		totalCost: formatMoney(total, e.scale),
		budget: formatMoney(B, e.scale),
		explanations,
		details: details as unknown as Record<string, unknown>
	};
}

/**
 * Explanations, exact and cheap: every payment is a linear form in the endowment e and the bought prices ρ_j with
 * integer coefficients (a group pays ρ_j·u while it can, then once all it has left, e − Σ earlier payments, then 0),
 * so sums over any set of supporters are integer aggregates combined with one rational per bought project.
 * Funded: round, ρ, per-voter price, payers. Unfunded: supporters' money at the end, the shortfall, and the funded
 * projects their money went to (largest first).
 */
function explainMes(
	e: Election,
	prep: PreparedMes,
	run: MesRun,
	endow: Rat,
	winners: number[],
	mesWinners: number[],
	added: number[],
	greedyChosen: boolean
): ProjectExplanation[] {
	const { input, profile, votes } = prep;
	const G = profile.numGroups;
	const P = e.projects.length;
	const nb = run.order.length;
	const idxOf = new Int32Array(P).fill(-1);
	run.order.forEach((p, j) => (idxOf[p] = j));
	const unitF = run.rhoUnit.map((u) => R.toNumber(u));
	const eF = R.toNumber(endow);
	const money = (num: Rat) => {
		const r = R.reduce(num);
		return formatMoneyRational(r.n, r.d, e.scale);
	};
	const supporters: number[][] = Array.from({ length: P }, () => []);
	for (let g = 0; g < G; g++)
		for (let k = profile.start[g]; k < profile.start[g + 1]; k++) supporters[profile.projects[k]].push(g);
	// entries of a group that are bought, in purchase order: [j, util]
	const boughtEntries = (g: number): [number, number][] => {
		const out: [number, number][] = [];
		for (let k = profile.start[g]; k < profile.start[g + 1]; k++) {
			const j = idxOf[profile.projects[k]];
			if (j >= 0) out.push([j, input.util[k]]);
		}
		return out.sort((a, b) => a[0] - b[0]);
	};
	const expl: ProjectExplanation[] = e.projects.map((p) => ({
		id: p.id,
		cost: formatMoney(p.cost, e.scale),
		funded: false,
		reason: 'not-selected',
		votes: votes[p.index]
	}));
	run.order.forEach((p, j) => {
		const ex = expl[p];
		ex.round = j + 1;
		ex.rho = formatRational(run.rhos[j].n, run.rhos[j].d);
		ex.pricePerVoter = money(run.rhoUnit[j]);
		ex.payersFull = run.payers[j].full;
		ex.payersPartial = run.payers[j].partial;
	});
	const inMes = new Set(mesWinners);
	const inFinal = new Set(winners);
	const addedSet = new Set(added);
	const zeroTaken = new Set(prep.zeroCostTaken);
	for (let q = 0; q < P; q++) {
		const ex = expl[q];
		if (zeroTaken.has(q)) ex.reason = 'zero-cost';
		else if (ex.round !== undefined) ex.reason = 'funded';
		else if (addedSet.has(q)) ex.reason = 'added-by-completion';
		else if (!input.eligible[q]) ex.reason = e.projects[q].cost === 0n ? 'zero-cost-not-considered' : 'no-supporters';
		else {
			ex.reason = 'unaffordable';
			// float pass to rank where the supporters' money went; exact pass for the total and the top entries
			const spentF = new Float64Array(nb);
			let left = 0n; // voters with money left
			const leftAgg = new Map<number, bigint>();
			for (const g of supporters[q]) {
				const w = profile.weight[g];
				const z = run.zeroAt[g];
				let b = eF;
				for (const [j, u] of boughtEntries(g)) {
					if (z >= 0 && j > z) break;
					const pay = z === j ? b : unitF[j] * u;
					spentF[j] += w * pay;
					b -= pay;
					if (z < 0) leftAgg.set(j, (leftAgg.get(j) ?? 0n) + BigInt(w) * BigInt(u));
				}
				if (z < 0) left += BigInt(w);
			}
			let m = R.mulInt(endow, left);
			for (const [j, a] of leftAgg) m = R.sub(m, R.mulInt(run.rhoUnit[j], a));
			const cost = R.rat(e.projects[q].cost);
			ex.supportersMoney = money(m);
			const short = R.sub(cost, m);
			ex.shortfall = money(short.n > 0n ? short : R.ZERO);
			const top = Array.from({ length: nb }, (_, j) => j)
				.filter((j) => spentF[j] > 0)
				.sort((a, b) => spentF[b] - spentF[a] || a - b)
				.slice(0, 5);
			ex.supportersSpentOn = top.map((jd) => {
				// exact: Σ over supporters of what they paid for purchase jd
				let cE = 0n;
				const c = new Map<number, bigint>();
				for (const g of supporters[q]) {
					const w = BigInt(profile.weight[g]);
					const z = run.zeroAt[g];
					if (z >= 0 && z < jd) continue;
					const ents = boughtEntries(g);
					const mine = ents.find((x) => x[0] === jd);
					if (!mine) continue;
					if (z === jd) {
						cE += w;
						for (const [j, u] of ents) if (j < jd) c.set(j, (c.get(j) ?? 0n) - w * BigInt(u));
					} else c.set(jd, (c.get(jd) ?? 0n) + w * BigInt(mine[1]));
				}
				let amt = R.mulInt(endow, cE);
				for (const [j, k] of c) amt = R.add(amt, R.mulInt(run.rhoUnit[j], k));
				return { id: e.projects[run.order[jd]].id, amount: money(amt) };
			});
		}
		ex.funded = inFinal.has(q);
		if (greedyChosen && (inFinal.has(q) || inMes.has(q))) ex.reason = 'greedy-won-comparison';
	}
	return expl;
}
