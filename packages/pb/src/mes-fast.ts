/**
 * Fast exact Method of Equal Shares.
 *
 * Every decision is exact; floating point is only a filter. Each ballot group keeps a float shadow of its budget
 * whose error is bounded (`epsB`). Whenever a float comparison is closer than its error bound — a candidate whose ρ
 * is near the best, a supporter whose budget is near the price, a project whose supporters' money is near its cost —
 * the decision is taken with exact rationals. Exact budgets are never stored per group: a group's budget is 0 if it
 * ever paid all it had, otherwise e − Σ ρ_j·u over the bought projects it supports, so exact sums over a set of
 * groups need only integer aggregates and one rational per bought project.
 *
 * Work per round is lazy (as in pabutools and equalshares.net): ρ never decreases, so candidates are examined in
 * order of their previous ρ and the scan stops when that lower bound exceeds the best ρ found.
 */
import type { MesInput, MesRun } from './mes-types.ts';
import * as R from './rational.ts';
import type { Rat } from './rational.ts';

interface Supporters {
	g: Int32Array;
	u: Int32Array;
}

export interface FastStats {
	exactEvaluations: number;
	fullFallbacks: number;
}

export const stats: FastStats = { exactEvaluations: 0, fullFallbacks: 0 };

const cache = new WeakMap<MesInput, Supporters[]>();

function supportersOf(inp: MesInput): Supporters[] {
	let s = cache.get(inp);
	if (s) return s;
	const P = inp.costs.length;
	const count = new Int32Array(P);
	for (let k = 0; k < inp.projects.length; k++) count[inp.projects[k]]++;
	s = Array.from({ length: P }, (_, p) => ({ g: new Int32Array(count[p]), u: new Int32Array(count[p]) }));
	const fill = new Int32Array(P);
	const G = inp.weight.length;
	for (let g = 0; g < G; g++)
		for (let k = inp.start[g]; k < inp.start[g + 1]; k++) {
			const p = inp.projects[k];
			s[p].g[fill[p]] = g;
			s[p].u[fill[p]] = inp.util[k];
			fill[p]++;
		}
	cache.set(inp, s);
	return s;
}

export function mesRunFast(inp: MesInput, endowment: Rat): MesRun {
	const P = inp.costs.length;
	const G = inp.weight.length;
	const w = inp.weight;
	const base = supportersOf(inp);
	// per-run supporter lists; groups that have spent everything are compacted away lazily
	const sup: Supporters[] = base.slice();
	const zeroSeen = new Int32Array(base.length);
	const compact = (p: number) => {
		const s0 = sup[p];
		let k = 0;
		const g2 = new Int32Array(s0.g.length - zeroSeen[p]);
		const u2 = new Int32Array(g2.length);
		for (let i = 0; i < s0.g.length; i++)
			if (!zero[s0.g[i]]) {
				g2[k] = s0.g[i];
				u2[k++] = s0.u[i];
			}
		sup[p] = { g: g2.subarray(0, k), u: u2.subarray(0, k) };
		zeroSeen[p] = 0;
	};
	const eF = R.toNumber(endowment);
	const costF = inp.costs.map((c) => Number(c));
	const factorF = inp.factor.map((f) => Number(f));
	const bf = new Float64Array(G).fill(eF);
	const zero = new Uint8Array(G);
	const zeroAt = new Int32Array(G).fill(-1);
	const payers: { full: number; partial: number }[] = [];
	const boughtIdx = new Int32Array(P).fill(-1);
	const order: number[] = [];
	// Exact money is kept as integer numerators over one common denominator D (no gcd in the hot path):
	// the endowment is E/D and the price per unit of utility of the j-th purchase is N[j]/D. Each purchase
	// multiplies D by its number of paying utility units.
	let D = endowment.d;
	let E = endowment.n;
	const N: bigint[] = [];
	// lower bound of the true rho (float) per remaining candidate
	const lb = new Float64Array(P);
	const alive: number[] = [];
	for (let p = 0; p < P; p++)
		if (inp.eligible[p]) {
			let U = 0;
			for (let i = 0; i < sup[p].g.length; i++) U += w[sup[p].g[i]] * sup[p].u[i];
			lb[p] = costF[p] / U / factorF[p];
			alive.push(p);
		}
	let round = 0;
	const eps = 1e-15;
	const epsB = () => eF * eps * (8 + 8 * round);

	/** Exact budget of one group (numerator over D). */
	const exactBudget = (g: number): bigint => {
		if (zero[g]) return 0n;
		let b = E;
		for (let k = inp.start[g]; k < inp.start[g + 1]; k++) {
			const j = boughtIdx[inp.projects[k]];
			if (j >= 0) b -= N[j] * BigInt(inp.util[k]);
		}
		return b;
	};
	/** Exact Σ w·b over the given non-zero groups (numerator over D). */
	const exactMoney = (groups: number[]): bigint => {
		let W = 0;
		const agg = new Float64Array(order.length); // integer sums of w·u, exact below 2^53
		for (const g of groups) {
			if (zero[g]) continue;
			W += w[g];
			for (let k = inp.start[g]; k < inp.start[g + 1]; k++) {
				const j = boughtIdx[inp.projects[k]];
				if (j >= 0) agg[j] += w[g] * inp.util[k];
			}
		}
		let m = E * BigInt(W);
		for (let j = 0; j < agg.length; j++) if (agg[j] !== 0) m -= N[j] * BigInt(agg[j]);
		return m;
	};

	interface Eval {
		p: number;
		/** float rho per unit utility */
		r: number;
		/** error bound of r */
		tol: number;
		exact?: Rat; // exact rho per unit utility (unreduced, denominator a multiple of D)
		/** paying utility units (Σ w·u over full payers) of the exact evaluation */
		units?: bigint;
	}

	/** Float evaluation; returns null if (certainly) unaffordable. */
	const evalFloat = (p: number): Eval | null | 'ambiguous' => {
		if (zeroSeen[p] * 4 > sup[p].g.length) compact(p);
		const sg = sup[p].g;
		const su = sup[p].u;
		const m = sg.length;
		const cost = costF[p];
		let M = 0;
		let Uall = 0;
		let Wnz = 0;
		for (let i = 0; i < m; i++) {
			const g = sg[i];
			const b = bf[g];
			if (zero[g]) continue;
			M += w[g] * b;
			Uall += w[g] * su[i];
			Wnz += w[g];
		}
		const tolM = Wnz * epsB() + (M + cost) * 1e-13;
		if (M < cost - tolM) return null;
		if (M <= cost + tolM) {
			// exact affordability check
			const list: number[] = [];
			for (let i = 0; i < m; i++) if (!zero[sg[i]]) list.push(sg[i]);
			if (exactMoney(list) < inp.costs[p] * D) return null;
		}
		// start from the previous ρ (a lower bound): the poor/rich iteration then converges from below in few steps
		let r = Math.max(cost / Uall, lb[p] * factorF[p] * (1 - 1e-9));
		let poorCount = -1;
		let poorMoney = 0;
		let Urich = Uall;
		let Wpoor = 0;
		for (let it = 0; it < 10000; it++) {
			let pc = 0;
			poorMoney = 0;
			Urich = 0;
			Wpoor = 0;
			for (let i = 0; i < m; i++) {
				const g = sg[i];
				if (zero[g]) continue;
				const b = bf[g];
				const u = su[i];
				if (b < r * u) {
					pc++;
					poorMoney += w[g] * b;
					Wpoor += w[g];
				} else Urich += w[g] * u;
			}
			if (Urich <= 0) {
				// everybody poor in float: money ~ cost, decide exactly
				const list: number[] = [];
				for (let i = 0; i < m; i++) if (!zero[sg[i]]) list.push(sg[i]);
				if (exactMoney(list) < inp.costs[p] * D) return null;
				return 'ambiguous';
			}
			const rn = (cost - poorMoney) / Urich;
			if (pc === poorCount) {
				r = rn;
				break;
			}
			poorCount = pc;
			r = rn;
		}
		const tol = ((cost + poorMoney) * 1e-13 + Wpoor * epsB()) / Urich + r * 1e-13 + epsB();
		return { p, r, tol };
	};

	/** Exact rho per unit utility of project p, given its float evaluation (or none). */
	const evalExact = (p: number, fe: Eval | null): { r: Rat; units: bigint } => {
		stats.exactEvaluations++;
		const sg = sup[p].g;
		const su = sup[p].u;
		const m = sg.length;
		const costD = inp.costs[p] * D;
		const poor: number[] = [];
		const amb: number[] = []; // indices into sg
		const side = new Int8Array(m); // -1 poor, 1 rich, 0 ambiguous
		let UrichF = 0;
		if (fe) {
			const tolB = fe.tol + epsB();
			for (let i = 0; i < m; i++) {
				const g = sg[i];
				if (zero[g]) continue;
				const q = bf[g] - fe.r * su[i];
				if (q < -(tolB * su[i] + epsB())) {
					poor.push(g);
					side[i] = -1;
				} else if (q > tolB * su[i] + epsB()) {
					UrichF += w[g] * su[i];
					side[i] = 1;
				} else amb.push(i);
			}
		} else {
			for (let i = 0; i < m; i++) if (!zero[sg[i]]) amb.push(i);
		}
		let Urich = BigInt(UrichF);
		let X = exactMoney(poor); // poor money, over D
		const ambB = amb.map((i) => exactBudget(sg[i]));
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
		const r: Rat = { n: costD - X, d: D * Urich };
		if (fe) {
			// certify the float classification against the exact price: every group decided by floats must be on
			// the same side of the exact price with a margin larger than its float error
			const rf = R.toNumber(r);
			const margin = epsB() * 2 + rf * 1e-13;
			let ok = true;
			for (let i = 0; i < m && ok; i++) {
				if (side[i] === 0 || zero[sg[i]]) continue;
				const q = bf[sg[i]] - rf * su[i];
				if (side[i] < 0 ? !(q < -margin * su[i]) : !(q > margin * su[i])) ok = false;
			}
			if (!ok) {
				stats.fullFallbacks++;
				return evalExact(p, null);
			}
		}
		return { r, units: Urich };
	};

	for (;;) {
		// lazy scan in order of lower bounds
		alive.sort((a, b) => lb[a] - lb[b]);
		let best: Eval | null = null;
		let bestTrue = Infinity;
		const near: Eval[] = [];
		const dead: number[] = [];
		for (const p of alive) {
			if (best && lb[p] > bestTrue * (1 + 1e-9) + 1e-300) break;
			const fe = evalFloat(p);
			if (fe === null) {
				dead.push(p);
				continue;
			}
			let ev: Eval;
			if (fe === 'ambiguous') {
				const ex = evalExact(p, null);
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
		if (!best) break;
		// candidates that may tie with or beat the float best: decide exactly
		const bt = best as Eval;
		const contenders = near.filter((ev) => (ev.r - ev.tol) / factorF[ev.p] <= (bt.r + bt.tol) / factorF[bt.p]);
		let win: Eval = bt;
		let winTrue: Rat | null = null;
		if (contenders.length > 1) {
			for (const ev of contenders) {
				if (!ev.exact) {
					const ex = evalExact(ev.p, ev);
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
			const ex = evalExact(win.p, win.tol ? win : null);
			win.exact = ex.r;
			win.units = ex.units;
		}
		const p = win.p;
		const unit = win.exact;
		const units = win.units as bigint;
		// the new common denominator: D' = D·units; price numerator over D' is unit.n
		const newD = D * units;
		// pay: exact classification of supporters
		const rf = R.toNumber(unit);
		const sg = sup[p].g;
		const su = sup[p].u;
		const tolB = epsB() * 2 + rf * 1e-12;
		let full = 0;
		let partial = 0;
		const j = order.length;
		for (let i = 0; i < sg.length; i++) {
			const g = sg[i];
			if (zero[g]) continue;
			const pay = rf * su[i];
			const q = bf[g] - pay;
			if (q > tolB * su[i]) {
				bf[g] = q;
				full += w[g];
			} else if (q < -tolB * su[i]) {
				bf[g] = 0;
				zero[g] = 1;
				zeroAt[g] = j;
				for (let k = inp.start[g]; k < inp.start[g + 1]; k++) zeroSeen[inp.projects[k]]++;
				partial += w[g];
			} else {
				const b = exactBudget(g) * units - unit.n * BigInt(su[i]); // over D'
				if (b >= 0n) full += w[g];
				else partial += w[g];
				if (b > 0n) bf[g] = R.toNumber({ n: b, d: newD });
				else {
					bf[g] = 0;
					zero[g] = 1;
					zeroAt[g] = j;
					for (let k = inp.start[g]; k < inp.start[g + 1]; k++) zeroSeen[inp.projects[k]]++;
				}
			}
		}
		payers.push({ full, partial });
		for (let k = 0; k < N.length; k++) N[k] *= units;
		E *= units;
		D = newD;
		N.push(unit.n);
		boughtIdx[p] = order.length;
		order.push(p);
		alive.splice(alive.indexOf(p), 1);
		round++;
	}
	const finalD = D;
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
		zeroAt,
		payers,
		budgets: () => Array.from({ length: G }, (_, g) => R.reduce({ n: exactBudget(g), d: finalD }))
	};
}
