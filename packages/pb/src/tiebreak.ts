/**
 * Tie-breaking, explicit and part of every result. A tie-breaking rule is a strict total order on projects; among
 * tied projects the one that comes first in this order wins.
 *
 *  - `lexicographic`: project id in ascending string order by Unicode code point (pabutools' default, Python `str`
 *    order; so "10" comes before "9").
 *  - `min-cost-max-votes`: lowest cost first, then most votes (equalshares.net's default); remaining ties by file
 *    order.
 *  - `file-order`: the order of the PROJECTS section (what most cities do), or a declared order.
 *  - `seed:N`: a lottery with a published seed N (an unsigned 32-bit integer): the projects in file order are
 *    shuffled by Fisher–Yates with the mulberry32 generator seeded with N. Anyone can re-draw it.
 */
import type { Election } from './election.ts';

export type TieBreak = 'lexicographic' | 'min-cost-max-votes' | 'file-order' | `seed:${number}` | { order: string[] };

export function compareCodePoints(a: string, b: string): number {
	// Python str order compares code points; JS < compares UTF-16 units. They differ only around astral characters.
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) {
		const x = a.codePointAt(i) as number;
		const y = b.codePointAt(i) as number;
		if (x !== y) return x < y ? -1 : 1;
		if (x > 0xffff) i++;
	}
	return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function parseTieBreak(s: string): TieBreak {
	if (s === 'lexicographic' || s === 'min-cost-max-votes' || s === 'file-order') return s;
	const m = /^seed:(\d+)$/.exec(s);
	if (m && Number(m[1]) <= 0xffffffff) return `seed:${Number(m[1])}`;
	throw new Error(`unknown tie-break "${s}" (lexicographic | min-cost-max-votes | file-order | seed:N)`);
}

export function tieBreakName(t: TieBreak): string {
	return typeof t === 'string' ? t : 'declared-order';
}

/** rank[p] = position of project p in the tie-breaking order (0 = preferred). */
export function tieRank(e: Election, t: TieBreak, votes: Int32Array): Int32Array {
	const n = e.projects.length;
	const idx = Array.from({ length: n }, (_, i) => i);
	if (typeof t === 'object') {
		const pos = new Map(t.order.map((id, i) => [id, i]));
		idx.sort((a, b) => (pos.get(e.projects[a].id) ?? n + a) - (pos.get(e.projects[b].id) ?? n + b));
	} else if (t === 'lexicographic') {
		idx.sort((a, b) => compareCodePoints(e.projects[a].id, e.projects[b].id));
	} else if (t === 'min-cost-max-votes') {
		idx.sort((a, b) => {
			const ca = e.projects[a].cost;
			const cb = e.projects[b].cost;
			if (ca !== cb) return ca < cb ? -1 : 1;
			if (votes[a] !== votes[b]) return votes[b] - votes[a];
			return a - b;
		});
	} else if (t.startsWith('seed:')) {
		const rnd = mulberry32(Number(t.slice(5)));
		for (let i = n - 1; i > 0; i--) {
			const j = Math.floor(rnd() * (i + 1));
			[idx[i], idx[j]] = [idx[j], idx[i]];
		}
	}
	const rank = new Int32Array(n);
	idx.forEach((p, r) => (rank[p] = r));
	return rank;
}
