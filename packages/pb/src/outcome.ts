/** Result types shared by all rules. Explanations are structured data (codes and numbers), never prose. */

/** An exact non-negative rational number as a string: "12", "12.5" (money) or "7/3". */
export type Exact = string;

export interface ProjectExplanation {
	id: string;
	cost: Exact;
	funded: boolean;
	/**
	 * Why. Greedy: `funded`, `does-not-fit`, `below-threshold`, `after-stop` (no-skip rule already stopped),
	 * `funded-80-percent` (Poznań's extra project). MES: `funded`, `zero-cost`, `no-supporters`, `unaffordable`
	 * (supporters' remaining money fell short), `added-by-completion`, `greedy-won-comparison`, `not-selected`.
	 * Phragmén: `funded`, `stopped` (the rule stopped at a project that did not fit), `does-not-fit`. Max-welfare:
	 * `funded`, `not-in-optimum`.
	 */
	reason: string;
	/** Greedy: position in the ranking (1-based). */
	rank?: number;
	/** Votes (number of ballots listing the project). */
	votes?: number;
	/** Greedy: the ranking key (votes, score or density). */
	score?: Exact;
	/** Greedy: budget left when the project was reached. */
	budgetLeft?: Exact;
	/** MES / Phragmén: 1-based round in which the project was bought. */
	round?: number;
	/** MES: ρ, the price per unit of utility. */
	rho?: Exact;
	/** MES: what a supporter paying in full paid (ρ × their utility; for approval: the per-voter price). */
	pricePerVoter?: Exact;
	/** MES: supporters who paid in full, and supporters who paid all they had left. */
	payersFull?: number;
	payersPartial?: number;
	/** MES, unfunded: its supporters' money at the end, and how much they lacked. */
	supportersMoney?: Exact;
	shortfall?: Exact;
	/** MES, unfunded: the funded projects its supporters' money went to, largest first. */
	supportersSpentOn?: { id: string; amount: Exact }[];
	/** Phragmén: the supporters' load after buying. */
	load?: Exact;
}

export interface Outcome {
	rule: string;
	/** Parameters that determine the result (utility, tie-break, completion, …). */
	params: Record<string, string | number | boolean | null>;
	/** Funded project ids in selection order. */
	selected: string[];
	/** Sum of the costs of the selected projects (exact decimal). */
	totalCost: Exact;
	budget: Exact;
	explanations: ProjectExplanation[];
	/** Rule-specific facts: MES endowment, Add1 steps, comparison counts, max-welfare objective, … */
	details: Record<string, unknown>;
}

export function gcd(a: bigint, b: bigint): bigint {
	if (a < 0n) a = -a;
	if (b < 0n) b = -b;
	while (b !== 0n) [a, b] = [b, a % b];
	return a;
}

/** Formats num/den (den > 0) as "p/q" in lowest terms, or "p" if integral. */
export function formatRational(num: bigint, den: bigint): Exact {
	const g = gcd(num, den) || 1n;
	const n = num / g;
	const d = den / g;
	return d === 1n ? n.toString() : `${n}/${d}`;
}

/** Formats a money amount num/(den·scale): an exact decimal when it is one, otherwise "p/q". */
export function formatMoneyRational(num: bigint, den: bigint, scale: bigint): Exact {
	const g = gcd(num, den) || 1n;
	let n = num / g;
	let d = den / g;
	// n/(d*scale): decimal iff d*scale has only factors 2 and 5
	let dd = d * scale;
	let t = dd;
	while (t % 2n === 0n) t /= 2n;
	while (t % 5n === 0n) t /= 5n;
	if (t === 1n) {
		let digits = 0n;
		let p = 1n;
		while (p % dd !== 0n) {
			p *= 10n;
			digits++;
		}
		const scaled = (n * p) / dd; // exact
		const s = scaled.toString().padStart(Number(digits) + 1, '0');
		if (digits === 0n) return s;
		const whole = s.slice(0, s.length - Number(digits));
		const frac = s.slice(s.length - Number(digits)).replace(/0+$/, '');
		return frac ? `${whole}.${frac}` : whole;
	}
	const g2 = gcd(n, dd) || 1n;
	n /= g2;
	dd /= g2;
	d = dd;
	return `${n}/${d}`;
}
