/**
 * Fast exact Method of Equal Shares.
 *
 * Every decision is exact; floating point is only a filter. Each ballot group keeps a float shadow of its budget
 * whose error is bounded (`eB`). Whenever a float comparison is closer than its error bound — a candidate whose ρ
 * is near the best, a supporter whose budget is near the price, a project whose supporters' money is near its cost —
 * the decision is taken with exact rationals. Exact budgets are never stored per group: a group's budget is 0 if it
 * ever paid all it had, otherwise e − Σ ρ_j·u over the bought projects it supports, so exact sums over a set of
 * groups need only integer aggregates and one rational per bought project.
 *
 * Work per round is lazy (as in pabutools and equalshares.net): ρ never decreases, so candidates are examined in
 * order of their previous ρ and the scan stops when that lower bound exceeds the best ρ found; an evaluation also
 * stops as soon as its iterate (always a lower bound of ρ) exceeds the best ρ found.
 *
 * Speed (Add1 performs hundreds of runs on one input): the endowment-independent data (supporter lists with their
 * weights, scratch buffers, ballots in the narrowest array type) is built once per input; the run state is a class
 * (methods shared by all runs rather than per-run closures); a float evaluation is one branch-free pass over the supporters, then
 * rescans only of the groups still rich, copied into sequential arrays; approval ballots take a u = 1 path.
 */
import type { MesInput, MesRun } from './mes-types.ts';
import * as R from './rational.ts';
import type { Rat } from './rational.ts';

interface Supporters {
	g: Int32Array;
	u: Int32Array;
	/** Weight of each group (copied here so that scans read it sequentially). */
	w: Float64Array;
	/** Length of the list in use (per run, groups that have spent everything are compacted out in place). */
	n: number;
}

export interface FastStats {
	exactEvaluations: number;
	fullFallbacks: number;
	certShortcuts: number;
}

export const stats: FastStats = { exactEvaluations: 0, fullFallbacks: 0, certShortcuts: 0 };

/** Endowment-independent data of an input, shared by all runs on it (Add1 runs MES hundreds of times). */
interface Shared {
	sup: Supporters[];
	/** Σ w·u over each project's supporters (an integer, exact in floats). */
	U: Float64Array;
	/** Longest supporter list. */
	maxLen: number;
	/** Per project, scratch lists for the compacted supporters of the current run (runs are not reentrant). */
	scratch: Supporters[];
	/** Scratch of the current run: the groups still rich in an evaluation (budget, utility, weight), copied for
	 *  sequential rescans, and the side of each supporter in an exact evaluation. */
	/** inp.projects in the narrowest array type (exact sums read the ballots of random groups: keep them small). */
	projects: Uint8Array | Uint16Array | Int32Array;
	/** All utilities are 1 (approval). */
	unitUtil: boolean;
	richB: Float64Array;
	richU: Float64Array;
	richW: Float64Array;
	side: Int8Array;
}

const cache = new WeakMap<MesInput, Shared>();

function sharedOf(inp: MesInput): Shared {
	let s = cache.get(inp);
	if (s) return s;
	const P = inp.costs.length;
	const count = new Int32Array(P);
	for (let k = 0; k < inp.projects.length; k++) count[inp.projects[k]]++;
	const sup = Array.from({ length: P }, (_, p) => ({
		g: new Int32Array(count[p]),
		u: new Int32Array(count[p]),
		w: new Float64Array(count[p]),
		n: count[p]
	}));
	const fill = new Int32Array(P);
	const U = new Float64Array(P);
	const G = inp.weight.length;
	for (let g = 0; g < G; g++)
		for (let k = inp.start[g]; k < inp.start[g + 1]; k++) {
			const p = inp.projects[k];
			sup[p].g[fill[p]] = g;
			sup[p].u[fill[p]] = inp.util[k];
			sup[p].w[fill[p]] = inp.weight[g];
			fill[p]++;
			U[p] += inp.weight[g] * inp.util[k];
		}
	const scratch = sup.map((s0) => ({
		g: new Int32Array(s0.n),
		u: new Int32Array(s0.n),
		w: new Float64Array(s0.n),
		n: 0
	}));
	const maxLen = Math.max(0, ...count);
	s = {
		sup,
		U,
		maxLen,
		scratch,
		projects: P <= 256 ? Uint8Array.from(inp.projects) : P <= 65536 ? Uint16Array.from(inp.projects) : inp.projects,
		unitUtil: inp.util.every((u) => u === 1),
		richB: new Float64Array(maxLen),
		richU: new Float64Array(maxLen),
		richW: new Float64Array(maxLen),
		side: new Int8Array(maxLen)
	};
	cache.set(inp, s);
	return s;
}

interface Eval {
	p: number;
	/** float rho per unit utility */
	r: number;
	/** error bound of r */
	tol: number;
	exact: Rat | null; // exact rho per unit utility (unreduced, denominator a multiple of D)
	/** paying utility units (Σ w·u over full payers) of the exact evaluation */
	units: bigint;
}

const EPS = 1e-15;

/**
 * The state of one run. A class rather than closures so that V8 optimises its methods once for all runs (Add1
 * performs hundreds of runs; per-run closures were deoptimised and re-optimised in every run).
 */
class FastRun {
	inp: MesInput;
	shared: Shared;
	w: Int32Array;
	start: Int32Array;
	projects: Uint8Array | Uint16Array | Int32Array;
	util: Int32Array;
	/** Per-run supporter lists: groups that have spent everything are compacted away lazily (into the scratch
	 *  lists, then in place); zeroSeen counts those seen in a list by its last scan. */
	sup: Supporters[];
	zeroSeen: Int32Array;
	eF: number;
	costF: number[];
	factorF: number[];
	/** Float shadow of each group's budget: 0 exactly for the groups that have spent everything, else positive. */
	bf: Float64Array;
	zero: Uint8Array;
	zeroAt: Int32Array;
	payers: { full: number; partial: number }[] = [];
	boughtIdx: Int32Array;
	order: number[] = [];
	// Exact money is kept as integer numerators over one common denominator D (no gcd in the hot path):
	// the endowment is E/D and the price per unit of utility of the j-th purchase is N[j]/D. Each purchase
	// multiplies D by its number of paying utility units.
	D: bigint;
	E: bigint;
	N: bigint[] = [];
	/** Lower bound of the true rho (float) per remaining candidate. */
	lb: Float64Array;
	alive: number[] = [];
	round = 0;
	/** Error bound of the float budgets (grows with the rounds). */
	eB: number;
	/** Integer sums of w·u per purchase, exact below 2^53. */
	agg: Float64Array;

	constructor(inp: MesInput, endowment: Rat) {
		const P = inp.costs.length;
		const G = inp.weight.length;
		this.inp = inp;
		this.shared = sharedOf(inp);
		this.w = inp.weight;
		this.start = inp.start;
		this.projects = this.shared.projects;
		this.util = inp.util;
		this.sup = this.shared.sup.slice();
		this.zeroSeen = new Int32Array(P);
		this.eF = R.toNumber(endowment);
		this.costF = inp.costs.map((c) => Number(c));
		this.factorF = inp.factor.map((f) => Number(f));
		this.bf = new Float64Array(G).fill(this.eF);
		this.zero = new Uint8Array(G);
		this.zeroAt = new Int32Array(G).fill(-1);
		this.boughtIdx = new Int32Array(P).fill(-1);
		this.D = endowment.d;
		this.E = endowment.n;
		this.lb = new Float64Array(P);
		for (let p = 0; p < P; p++)
			if (inp.eligible[p]) {
				this.lb[p] = this.costF[p] / this.shared.U[p] / this.factorF[p];
				this.alive.push(p);
			}
		this.eB = this.eF * EPS * 8;
		this.agg = new Float64Array(P);
	}

	compact(p: number): void {
		const s0 = this.sup[p];
		const s1 = this.shared.scratch[p];
		const zero = this.zero;
		const sg = s0.g;
		const su = s0.u;
		const sw = s0.w;
		const tg = s1.g;
		const tu = s1.u;
		const tw = s1.w;
		let k = 0;
		for (let i = 0; i < s0.n; i++)
			if (!zero[sg[i]]) {
				tg[k] = sg[i];
				tu[k] = su[i];
				tw[k++] = sw[i];
			}
		s1.n = k;
		this.sup[p] = s1;
		this.zeroSeen[p] = 0;
	}

	/** A group has spent everything. */
	setZero(g: number, j: number): void {
		this.bf[g] = 0;
		this.zero[g] = 1;
		this.zeroAt[g] = j;
	}

	/** Exact budget of one group (numerator over D). */
	exactBudget(g: number): bigint {
		if (this.zero[g]) return 0n;
		const { boughtIdx, projects, util, N } = this;
		let b = this.E;
		for (let k = this.start[g]; k < this.start[g + 1]; k++) {
			const j = boughtIdx[projects[k]];
			if (j >= 0) b -= N[j] * BigInt(util[k]);
		}
		return b;
	}

	/** Exact Σ w·b over the given non-zero groups (numerator over D). */
	exactMoney(groups: number[]): bigint {
		const { boughtIdx, projects, util, start, zero, w, agg, N } = this;
		let W = 0;
		const nb = this.order.length;
		agg.fill(0, 0, nb);
		const unit = this.shared.unitUtil;
		for (let t = 0; t < groups.length; t++) {
			const g = groups[t];
			if (zero[g]) continue;
			const wg = w[g];
			W += wg;
			const k1 = start[g + 1];
			if (unit)
				for (let k = start[g]; k < k1; k++) {
					const j = boughtIdx[projects[k]];
					if (j >= 0) agg[j] += wg;
				}
			else
				for (let k = start[g]; k < k1; k++) {
					const j = boughtIdx[projects[k]];
					if (j >= 0) agg[j] += wg * util[k];
				}
		}
		let m = this.E * BigInt(W);
		for (let j = 0; j < nb; j++) if (agg[j] !== 0) m -= N[j] * BigInt(agg[j]);
		return m;
	}

	/** The non-zero supporters of p. */
	liveSupporters(p: number): number[] {
		const list: number[] = [];
		const sg = this.sup[p].g;
		for (let i = 0; i < this.sup[p].n; i++) if (!this.zero[sg[i]]) list.push(sg[i]);
		return list;
	}

	/**
	 * Float evaluation; returns null if (certainly) unaffordable, or a number: a lower bound of ρ per unit of
	 * utility above `cutoff` (the evaluation stopped early: the project cannot be the best of this round).
	 * Every iterate r' = (cost − money of a set S of supporters) / (utility of the others) is ≤ ρ, whatever S
	 * (the tangent at any point lies above the concave money function), so stopping early is safe.
	 */
	evalFloat(p: number, cutoff: number): Eval | null | 'ambiguous' | number {
		if (this.zeroSeen[p] * 10 > this.sup[p].n) this.compact(p);
		const { bf, eB } = this;
		const { richB, richU, richW } = this.shared;
		const sg = this.sup[p].g;
		const su = this.sup[p].u;
		const sw = this.sup[p].w;
		const m = this.sup[p].n;
		const cost = this.costF[p];
		// start from a lower bound of ρ: the poor set then only grows, so after one full pass only the groups still
		// rich need to be looked at again
		let r = this.lb[p] * this.factorF[p] * (1 - 1e-9);
		let M = 0;
		let zc = 0;
		let poorMoney = 0;
		let Urich = 0;
		let nr = 0;
		// branch-free: a group is rich iff b ≥ r·u; groups that have spent everything have bf = 0 exactly (all others
		// a positive bf), so they count as poor with no money (and in Wpoor, which only widens the error bound)
		let Wall = 0;
		let Wrich = 0;
		const unit = this.shared.unitUtil;
		if (unit) {
			// all utilities 1 (approval): the same with u = 1
			for (let i = 0; i < m; i++) {
				const b = bf[sg[i]];
				const wg = sw[i];
				const wb = wg * b;
				const rich = b >= r ? 1 : 0;
				zc += b === 0 ? 1 : 0;
				M += wb;
				Wall += wg;
				poorMoney += wb * (1 - rich);
				Wrich += wg * rich;
				richB[nr] = b;
				richW[nr] = wg;
				nr += rich;
			}
			Urich = Wrich;
		} else
			for (let i = 0; i < m; i++) {
				const b = bf[sg[i]];
				const wg = sw[i];
				const u = su[i];
				const wb = wg * b;
				const rich = b >= r * u ? 1 : 0;
				zc += b === 0 ? 1 : 0;
				M += wb;
				Wall += wg;
				poorMoney += wb * (1 - rich);
				Wrich += wg * rich;
				Urich += wg * u * rich;
				richB[nr] = b;
				richU[nr] = u;
				richW[nr] = wg;
				nr += rich;
			}
		let Wpoor = Wall - Wrich;
		this.zeroSeen[p] = zc;
		const tolM = Wall * eB + (M + cost) * 1e-13;
		if (M < cost - tolM) return null;
		// exact affordability check
		if (M <= cost + tolM && this.exactMoney(this.liveSupporters(p)) < this.inp.costs[p] * this.D) return null;
		for (;;) {
			if (Urich <= 0) {
				// everybody poor in float: money ~ cost, decide exactly
				if (this.exactMoney(this.liveSupporters(p)) < this.inp.costs[p] * this.D) return null;
				return 'ambiguous';
			}
			r = (cost - poorMoney) / Urich;
			if (r > cutoff) {
				const lower = r - (((cost + poorMoney) * 1e-13 + Wpoor * eB) / Urich + r * 1e-13 + eB);
				if (lower > cutoff) return lower;
			}
			let k = 0;
			const before = nr;
			if (unit)
				for (let t = 0; t < nr; t++) {
					const b = richB[t];
					const wg = richW[t];
					if (b < r) {
						poorMoney += wg * b;
						Wpoor += wg;
						Urich -= wg;
					} else {
						richB[k] = b;
						richW[k++] = wg;
					}
				}
			else
				for (let t = 0; t < nr; t++) {
					const b = richB[t];
					const u = richU[t];
					const wg = richW[t];
					if (b < r * u) {
						poorMoney += wg * b;
						Wpoor += wg;
						Urich -= wg * u;
					} else {
						richB[k] = b;
						richU[k] = u;
						richW[k++] = wg;
					}
				}
			nr = k;
			if (nr === before) break;
		}
		const tol = ((cost + poorMoney) * 1e-13 + Wpoor * eB) / Urich + r * 1e-13 + eB;
		return { p, r, tol, exact: null, units: 0n };
	}

	/**
	 * Exact price with some supporters not classified yet (`amb`, indices into p's list): they are added to the
	 * paying units, then those below the price are moved to the poor in ascending order of b/u (one pass).
	 * acc = [paying units, poor money over D], updated in place.
	 */
	resolveAmbiguous(p: number, amb: number[], costD: bigint, acc: [bigint, bigint]): void {
		const { w } = this;
		const sg = this.sup[p].g;
		const su = this.sup[p].u;
		let [Urich, X] = acc;
		const ambB = amb.map((i) => this.exactBudget(sg[i]));
		for (let k = 0; k < amb.length; k++) Urich += BigInt(w[sg[amb[k]]]) * BigInt(su[amb[k]]);
		// ascending b/u, so that the fixpoint is one pass
		const idx = amb
			.map((_, k) => k)
			.sort((a, b) => {
				const l = ambB[a] * BigInt(su[amb[b]]);
				const r = ambB[b] * BigInt(su[amb[a]]);
				return l < r ? -1 : l > r ? 1 : 0;
			});
		// r = (costD - X) / (D · Urich); b < r·u  <=>  Y·Urich < (costD - X)·u   (b = Y/D)
		for (const k of idx) {
			const i = amb[k];
			if (ambB[k] * Urich < (costD - X) * BigInt(su[i])) {
				X += ambB[k] * BigInt(w[sg[i]]);
				Urich -= BigInt(w[sg[i]]) * BigInt(su[i]);
				if (Urich === 0n) throw new Error('MES: exact evaluation found no paying supporter');
			} else break;
		}
		acc[0] = Urich;
		acc[1] = X;
	}

	/** Exact rho per unit utility of project p, given its float evaluation (or none). */
	evalExact(p: number, fe: Eval | null): { r: Rat; units: bigint } {
		stats.exactEvaluations++;
		const { bf, zero, w, eB } = this;
		const sg = this.sup[p].g;
		const su = this.sup[p].u;
		const m = this.sup[p].n;
		const costD = this.inp.costs[p] * this.D;
		const poor: number[] = [];
		const amb: number[] = []; // indices into sg
		const side = this.shared.side; // -1 poor, 1 rich, 0 ambiguous
		side.fill(0, 0, m);
		let UrichF = 0;
		if (fe) {
			const tolB = fe.tol + eB;
			const fr = fe.r;
			for (let i = 0; i < m; i++) {
				const g = sg[i];
				if (zero[g]) continue;
				const q = bf[g] - fr * su[i];
				if (q < -(tolB * su[i] + eB)) {
					poor.push(g);
					side[i] = -1;
				} else if (q > tolB * su[i] + eB) {
					UrichF += w[g] * su[i];
					side[i] = 1;
				} else amb.push(i);
			}
		} else {
			for (let i = 0; i < m; i++) if (!zero[sg[i]]) amb.push(i);
		}
		const U: [bigint, bigint] = [BigInt(UrichF), this.exactMoney(poor)]; // paying units, poor money over D
		if (amb.length) this.resolveAmbiguous(p, amb, costD, U);
		const [Urich, X] = U;
		const r: Rat = { n: costD - X, d: this.D * Urich };
		if (fe) {
			// certify the float classification against the exact price: every group decided by floats must be on
			// the same side of the exact price with a margin larger than its float error
			const rf = R.toNumber(r);
			const margin = eB * 2 + rf * 1e-13;
			// Shortcut: the float classification used the band (fe.tol + eB)·u + eB around fe.r; if the exact price
			// is closer to fe.r than that band minus this margin (with room for rounding), every check below holds.
			const shift = Math.abs(rf - fe.r);
			let ok = true;
			if (shift <= fe.tol + eB - margin - 1e-15 * (rf + Math.abs(fe.r))) stats.certShortcuts++;
			else
				for (let i = 0; i < m && ok; i++) {
					if (side[i] === 0 || zero[sg[i]]) continue;
					const q = bf[sg[i]] - rf * su[i];
					if (side[i] < 0 ? !(q < -margin * su[i]) : !(q > margin * su[i])) ok = false;
				}
			if (!ok) {
				stats.fullFallbacks++;
				return this.evalExact(p, null);
			}
		}
		return { r, units: Urich };
	}

	/** One round: false when nothing is affordable any more. */
	step(): boolean {
		const { inp, lb, factorF, alive } = this;
		// lazy scan in order of lower bounds
		alive.sort((a, b) => lb[a] - lb[b]);
		let best: Eval | null = null;
		let bestTrue = Infinity;
		const near: Eval[] = [];
		const dead: number[] = [];
		for (const p of alive) {
			if (best && lb[p] > bestTrue * (1 + 1e-9) + 1e-300) break;
			const fe = this.evalFloat(p, best ? bestTrue * (1 + 1e-9) * factorF[p] : Infinity);
			if (fe === null) {
				dead.push(p);
				continue;
			}
			if (typeof fe === 'number') {
				// certainly worse than the best so far (as if pruned by its lower bound)
				lb[p] = Math.max(lb[p], fe / factorF[p]);
				continue;
			}
			let ev: Eval;
			if (fe === 'ambiguous') {
				const ex = this.evalExact(p, null);
				ev = { p, r: R.toNumber(ex.r), tol: 0, exact: ex.r, units: ex.units };
			} else ev = fe;
			const t = ev.r / factorF[p];
			lb[p] = Math.max(lb[p], (ev.r - ev.tol) / factorF[p]);
			near.push(ev);
			if (t < bestTrue) {
				bestTrue = t;
				best = ev;
			}
		}
		if (dead.length) {
			const ds = new Set(dead);
			for (let i = alive.length - 1; i >= 0; i--) if (ds.has(alive[i])) alive.splice(i, 1);
		}
		if (!best) return false;
		// candidates that may tie with or beat the float best: decide exactly
		const bt = best as Eval;
		const contenders = near.filter((ev) => (ev.r - ev.tol) / factorF[ev.p] <= (bt.r + bt.tol) / factorF[bt.p]);
		let win: Eval = bt;
		let winTrue: Rat | null = null;
		if (contenders.length > 1) {
			for (const ev of contenders) {
				if (!ev.exact) {
					const ex = this.evalExact(ev.p, ev);
					ev.exact = ex.r;
					ev.units = ex.units;
				}
				const tr: Rat = { n: ev.exact.n, d: ev.exact.d * inp.factor[ev.p] };
				const c = winTrue === null ? -1 : R.cmp(tr, winTrue);
				if (c < 0 || (c === 0 && inp.rank[ev.p] < inp.rank[win.p])) {
					win = ev;
					winTrue = tr;
				}
			}
		}
		if (!win.exact) {
			const ex = this.evalExact(win.p, win.tol ? win : null);
			win.exact = ex.r;
			win.units = ex.units;
		}
		this.pay(win.p, win.exact, win.units);
		return true;
	}

	/** Buy p at the exact price per unit of utility `unit`, paid by `units` utility units. */
	pay(p: number, unit: Rat, units: bigint): void {
		const { bf, zero, w, N } = this;
		// the new common denominator: D' = D·units; price numerator over D' is unit.n
		const newD = this.D * units;
		// pay: exact classification of supporters
		const rf = R.toNumber(unit);
		const sg = this.sup[p].g;
		const su = this.sup[p].u;
		const tolB = this.eB * 2 + rf * 1e-12;
		let full = 0;
		let partial = 0;
		const j = this.order.length;
		for (let i = 0; i < this.sup[p].n; i++) {
			const g = sg[i];
			if (zero[g]) continue;
			const pay = rf * su[i];
			const q = bf[g] - pay;
			if (q > tolB * su[i]) {
				bf[g] = q;
				full += w[g];
			} else if (q < -tolB * su[i]) {
				this.setZero(g, j);
				partial += w[g];
			} else {
				const b = this.exactBudget(g) * units - unit.n * BigInt(su[i]); // over D'
				if (b >= 0n) full += w[g];
				else partial += w[g];
				if (b > 0n)
					bf[g] = R.toNumber({ n: b, d: newD }) || Number.MIN_VALUE; // positive: 0 marks a spent group
				else this.setZero(g, j);
			}
		}
		this.payers.push({ full, partial });
		for (let k = 0; k < N.length; k++) N[k] *= units;
		this.E *= units;
		this.D = newD;
		N.push(unit.n);
		this.boughtIdx[p] = j;
		this.order.push(p);
		this.alive.splice(this.alive.indexOf(p), 1);
		this.round++;
		this.eB = this.eF * EPS * (8 + 8 * this.round);
	}
}

export function mesRunFast(inp: MesInput, endowment: Rat): MesRun {
	const st = new FastRun(inp, endowment);
	while (st.step());
	const { order, N, D: finalD } = st;
	let rhoUnit: Rat[] | null = null;
	let rhos: Rat[] | null = null;
	return {
		order,
		get rhoUnit() {
			return (rhoUnit ??= N.map((n) => R.reduce({ n, d: finalD })));
		},
		get rhos() {
			return (rhos ??= this.rhoUnit.map((u, j) => R.reduce({ n: u.n, d: u.d * inp.factor[order[j]] })));
		},
		zeroAt: st.zeroAt,
		payers: st.payers,
		budgets: () => Array.from({ length: inp.weight.length }, (_, g) => R.reduce({ n: st.exactBudget(g), d: finalD }))
	};
}
