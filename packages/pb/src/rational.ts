/** Minimal exact rationals on native BigInt: { n, d } with d > 0, not necessarily reduced. */
import { gcd } from './outcome.ts';

export interface Rat {
	n: bigint;
	d: bigint;
}

export const ZERO: Rat = { n: 0n, d: 1n };

export function rat(n: bigint, d: bigint = 1n): Rat {
	if (d < 0n) return { n: -n, d: -d };
	return { n, d };
}

export function reduce(a: Rat): Rat {
	const g = gcd(a.n, a.d);
	return g > 1n ? { n: a.n / g, d: a.d / g } : a;
}

export function add(a: Rat, b: Rat): Rat {
	if (a.d === b.d) return { n: a.n + b.n, d: a.d };
	return reduce({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
}

export function sub(a: Rat, b: Rat): Rat {
	if (a.d === b.d) return { n: a.n - b.n, d: a.d };
	return reduce({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
}

export function mulInt(a: Rat, k: bigint): Rat {
	return reduce({ n: a.n * k, d: a.d });
}

export function divInt(a: Rat, k: bigint): Rat {
	return reduce(k < 0n ? { n: -a.n, d: -a.d * k } : { n: a.n, d: a.d * k });
}

export function cmp(a: Rat, b: Rat): number {
	const l = a.n * b.d;
	const r = b.n * a.d;
	return l < r ? -1 : l > r ? 1 : 0;
}

export function toNumber(a: Rat): number {
	return Number((a.n << 128n) / a.d) / 2 ** 128;
}
