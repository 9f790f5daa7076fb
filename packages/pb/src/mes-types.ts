import type { Rat } from './rational.ts';

/** Input of one MES run: ballot groups with integer utilities, and per-project data. Money in units of 1/scale. */
export interface MesInput {
	/** Ballot groups (identical ballots merged). */
	weight: Int32Array;
	start: Int32Array;
	projects: Int32Array;
	/** Utility of each entry, a positive integer (1 for approval). The true utility is util × factor[project]. */
	util: Int32Array;
	costs: bigint[];
	/** Utility factor per project: the cost for cost utilities on approval ballots, 1 otherwise. */
	factor: bigint[];
	/** Projects that take part (positive cost and some support). */
	eligible: boolean[];
	/** Tie-breaking order (lower wins). */
	rank: Int32Array;
}

export interface MesRun {
	/** Projects bought, in order. */
	order: number[];
	/** ρ (per unit of true utility) at which each was bought. */
	rhos: Rat[];
	/** Exact price per unit of integer utility (ρ × factor) of each bought project. */
	rhoUnit: Rat[];
	/** Per group: index in `order` of the purchase at which it paid all it had left (-1: never). */
	zeroAt: Int32Array;
	/** Per purchase: voters who paid the full price, and voters who paid all they had left (less than the price). */
	payers: { full: number; partial: number }[];
	/** Exact remaining budget per group at the end (computed on demand). */
	budgets: () => Rat[];
}
