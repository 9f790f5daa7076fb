/**
 * Reference implementation of one Method-of-Equal-Shares run, straightforward and exact (BigInt rationals per
 * ballot group, every candidate evaluated every round). Used as the oracle for the fast implementation in tests,
 * and fine for small elections.
 */
import * as R from './rational.ts';
import type { Rat } from './rational.ts';
import type { MesInput, MesRun } from './mes-types.ts';

export function mesRunNaive(inp: MesInput, endowment: Rat): MesRun {
	const G = inp.weight.length;
	const budgets: Rat[] = new Array(G).fill(endowment);
	const supporters: number[][] = inp.costs.map(() => []);
	const util: number[][] = inp.costs.map(() => []);
	for (let g = 0; g < G; g++)
		for (let k = inp.start[g]; k < inp.start[g + 1]; k++) {
			supporters[inp.projects[k]].push(g);
			util[inp.projects[k]].push(inp.util[k]);
		}
	const remaining = new Set<number>();
	for (let p = 0; p < inp.costs.length; p++) if (inp.eligible[p]) remaining.add(p);
	const order: number[] = [];
	const rhos: Rat[] = [];
	const rhoUnit: Rat[] = [];
	const zeroAt = new Int32Array(G).fill(-1);
	const payers: { full: number; partial: number }[] = [];
	for (;;) {
		let best: Rat | null = null; // true rho = rhoUnit / factor
		let bestP = -1;
		let bestUnit: Rat = R.ZERO;
		for (const p of [...remaining]) {
			const cost = R.rat(inp.costs[p]);
			let total: Rat = R.ZERO;
			const sup = supporters[p];
			for (const g of sup) total = R.add(total, R.mulInt(budgets[g], BigInt(inp.weight[g])));
			if (R.cmp(total, cost) < 0) {
				remaining.delete(p);
				continue;
			}
			const idx = sup.map((_, i) => i);
			// ascending budget / utility
			idx.sort((a, b) =>
				R.cmp(R.divInt(budgets[sup[a]], BigInt(util[p][a])), R.divInt(budgets[sup[b]], BigInt(util[p][b])))
			);
			let paid: Rat = R.ZERO;
			let denom = 0n;
			for (const i of idx) denom += BigInt(inp.weight[sup[i]]) * BigInt(util[p][i]);
			let unit: Rat | null = null;
			for (const i of idx) {
				const g = sup[i];
				const cand = R.divInt(R.sub(cost, paid), denom); // rho per unit utility
				if (R.cmp(R.mulInt(cand, BigInt(util[p][i])), budgets[g]) <= 0) {
					unit = cand;
					break;
				}
				paid = R.add(paid, R.mulInt(budgets[g], BigInt(inp.weight[g])));
				denom -= BigInt(inp.weight[g]) * BigInt(util[p][i]);
			}
			if (unit === null) throw new Error('unreachable: affordable project without a price');
			const trueRho = R.divInt(unit, inp.factor[p]);
			const c = best === null ? -1 : R.cmp(trueRho, best);
			if (c < 0 || (c === 0 && inp.rank[p] < inp.rank[bestP])) {
				best = trueRho;
				bestP = p;
				bestUnit = unit;
			}
		}
		if (bestP < 0) break;
		order.push(bestP);
		rhos.push(best as Rat);
		remaining.delete(bestP);
		rhoUnit.push(bestUnit);
		const sup = supporters[bestP];
		let full = 0;
		let partial = 0;
		sup.forEach((g, i) => {
			const pay = R.mulInt(bestUnit, BigInt(util[bestP][i]));
			const c = R.cmp(budgets[g], pay);
			if (budgets[g].n === 0n) return;
			if (c >= 0) full += inp.weight[g];
			else partial += inp.weight[g];
			if (c > 0) budgets[g] = R.sub(budgets[g], pay);
			else {
				budgets[g] = R.ZERO;
				zeroAt[g] = order.length - 1;
			}
		});
		payers.push({ full, partial });
	}
	return { order, rhos, rhoUnit, zeroAt, payers, budgets: () => budgets };
}
