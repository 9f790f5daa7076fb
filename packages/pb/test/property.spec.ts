/** Property tests on random elections (seeded, deterministic). */
import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000 }); // correctness tests; the machine may be shared
import { count, RULES, type Rule } from '../src/count.ts';
import { parseElection, tallies, type Election } from '../src/election.ts';
import { mes } from '../src/mes.ts';
import { readPabulib, writePabulib } from '../src/pabulib.ts';
import { mulberry32 } from '../src/tiebreak.ts';

interface Gen {
	text: string;
	ids: string[];
}

function randomElection(
	seed: number,
	opts: { voters?: number; projects?: number; type?: 'approval' | 'cumulative' } = {}
): Gen {
	const rnd = mulberry32(seed);
	const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
	const m = opts.projects ?? int(2, 8);
	const n = opts.voters ?? int(1, 30);
	const type = opts.type ?? 'approval';
	const ids = Array.from({ length: m }, (_, i) => (rnd() < 0.3 ? `P.${i}/24` : String(int(1, 99) * 100 + i)));
	const costs = ids.map(() => (rnd() < 0.1 ? 0 : int(1, 20) * (rnd() < 0.5 ? 5 : 7)));
	const budget = int(10, 80);
	const lines = [
		'META',
		'key;value',
		`budget;${budget}`,
		`vote_type;${type}`,
		`num_projects;${m}`,
		`num_votes;${n}`,
		'PROJECTS',
		'project_id;cost;name'
	];
	ids.forEach((id, i) => lines.push(`${id};${costs[i]};${rnd() < 0.2 ? '"x;""y"""' : 'p' + i}`));
	lines.push('VOTES', type === 'cumulative' ? 'voter_id;vote;points' : 'voter_id;vote');
	for (let v = 0; v < n; v++) {
		const chosen = ids.filter(() => rnd() < 0.4);
		if (type === 'cumulative') lines.push(`${v};${chosen.join(',')};${chosen.map(() => int(1, 3)).join(',')}`);
		else lines.push(`${v};${chosen.join(',')}`);
	}
	return { text: lines.join(rnd() < 0.5 ? '\n' : '\r\n') + (rnd() < 0.5 ? '\n' : ''), ids };
}

function shuffled<T>(a: T[], rnd: () => number): T[] {
	const b = [...a];
	for (let i = b.length - 1; i > 0; i--) {
		const j = Math.floor(rnd() * (i + 1));
		[b[i], b[j]] = [b[j], b[i]];
	}
	return b;
}

/** Same election with VOTES rows and PROJECTS rows shuffled. */
function reordered(text: string, seed: number): string {
	const rnd = mulberry32(seed);
	const lines = text.split(/\r?\n/).filter((l) => l !== '');
	const pi = lines.indexOf('PROJECTS');
	const vi = lines.indexOf('VOTES');
	return [
		...lines.slice(0, pi + 2),
		...shuffled(lines.slice(pi + 2, vi), rnd),
		lines[vi],
		lines[vi + 1],
		...shuffled(lines.slice(vi + 2), rnd)
	].join('\n');
}

const money = (s: string) => Number(s);

describe('properties on random elections', () => {
	it('every rule stays within budget; greedy is exhaustive; results do not depend on row order', () => {
		for (let seed = 1; seed <= 150; seed++) {
			const g = randomElection(seed, { type: seed % 3 === 0 ? 'cumulative' : 'approval' });
			const e = parseElection(g.text);
			const e2 = parseElection(reordered(g.text, seed + 1000));
			const order = { order: g.ids };
			for (const rule of RULES) {
				if (rule === 'phragmen' && e.voteType !== 'approval') continue;
				if (rule === 'greedy-threshold') continue;
				const explain = rule === 'greedy-poznan';
				const o = count(e, { rule, tieBreak: order, explain });
				// Poznań's extra project is paid from reserve funds: only the rest must fit
				const extra = o.explanations.find((x) => x.reason === 'funded-80-percent');
				const within = money(o.totalCost) - (extra ? money(extra.cost) : 0);
				expect(within, `${rule} seed ${seed}`).toBeLessThanOrEqual(money(o.budget));
				if (extra) expect(money(extra.budgetLeft as string) * 10).toBeGreaterThanOrEqual(money(extra.cost) * 8);
				const o2 = count(e2, { rule: rule as Rule, tieBreak: order, explain: false });
				if (rule === 'max-welfare') expect(o2.details.objective).toEqual(o.details.objective);
				else expect([...o2.selected].sort(), `${rule} seed ${seed}`).toEqual([...o.selected].sort());
			}
			const gr = count(e, { rule: 'greedy', explain: false });
			const left = e.budget - BigInt(Math.round(Number(gr.totalCost)));
			for (const p of e.projects)
				if (!gr.selected.includes(p.id)) expect(p.cost > left, `greedy exhaustive seed ${seed}`).toBe(true);
		}
	}, 60_000);

	it('parse → write → parse is identity', () => {
		for (let seed = 1; seed <= 200; seed++) {
			const raw = readPabulib(randomElection(seed).text);
			const again = readPabulib(writePabulib(raw));
			expect({ ...again, projects: { ...again.projects, lines: [] }, votes: { ...again.votes, lines: [] } }).toEqual({
				...raw,
				projects: { ...raw.projects, lines: [] },
				votes: { ...raw.votes, lines: [] }
			});
		}
	});

	it('the fast exact MES equals the reference implementation (approval cost/cardinality, cumulative, Add1)', () => {
		for (let seed = 1; seed <= 120; seed++) {
			const type = seed % 4 === 0 ? 'cumulative' : 'approval';
			const e = parseElection(randomElection(seed, { type, voters: 5 + (seed % 40) }).text);
			const utilities = type === 'cumulative' ? (['cardinal'] as const) : (['cost', 'cardinality'] as const);
			for (const utility of utilities) {
				for (const completion of ['none', 'add1'] as const) {
					const a = mes(e, { utility, completion, engine: 'fast', explain: seed % 10 === 0 });
					const b = mes(e, { utility, completion, engine: 'naive', explain: seed % 10 === 0 });
					expect(a.selected, `seed ${seed} ${utility} ${completion}`).toEqual(b.selected);
					expect(a.details).toEqual(b.details);
					expect(a.explanations).toEqual(b.explanations);
				}
			}
		}
	});

	it('MES (approval, cost and cardinality utilities) satisfies EJR up to one project (brute force)', () => {
		for (let seed = 1; seed <= 150; seed++) {
			const e = parseElection(randomElection(seed, { voters: 3 + (seed % 8), projects: 2 + (seed % 5) }).text);
			for (const utility of ['cost', 'cardinality'] as const) {
				const W = new Set(mes(e, { utility, explain: false }).selected.map((id) => e.projectIndex.get(id) as number));
				expect(ejrUpToOneViolation(e, W, utility), `seed ${seed} ${utility}`).toBeNull();
			}
		}
	});
});

function ejrUpToOneViolation(e: Election, W: Set<number>, utility: 'cost' | 'cardinality'): string | null {
	const m = e.projects.length;
	const n = e.numVoters;
	const u = (p: number) => (utility === 'cost' ? e.projects[p].cost : 1n);
	const ballots = Array.from(
		{ length: n },
		(_, v) => new Set(Array.from(e.ballotProjects.subarray(e.ballotStart[v], e.ballotStart[v + 1])))
	);
	for (let mask = 1; mask < 1 << m; mask++) {
		const T = Array.from({ length: m }, (_, p) => p).filter((p) => mask & (1 << p));
		const costT = T.reduce((s, p) => s + e.projects[p].cost, 0n);
		const uT = T.reduce((s, p) => s + u(p), 0n);
		// voters approving all of T who are not satisfied up to one project
		let failing = 0;
		for (const A of ballots) {
			if (!T.every((p) => A.has(p))) continue;
			let uW = 0n;
			for (const p of W) if (A.has(p)) uW += u(p);
			const ok = uW >= uT || T.some((a) => !W.has(a) && uW + u(a) > uT);
			if (!ok) failing++;
		}
		if (failing > 0 && BigInt(failing) * e.budget >= BigInt(n) * costT)
			return `T=${T.map((p) => e.projects[p].id)} failing=${failing}`;
	}
	return null;
}

describe('exact arithmetic matters', () => {
	/** equalshares.net's MES in floating point (its `floats` accuracy), for one round of a single project. */
	function floatAffordable(budget: number, n: number, cost: number): boolean {
		const endowment = budget / n;
		let money = 0;
		for (let i = 0; i < n; i++) money += endowment;
		return money >= cost;
	}
	it('a near-tie that floating point gets wrong: 10 voters, budget 0.7, one project costing 0.7 approved by all', () => {
		const text = [
			'META',
			'key;value',
			'budget;0.7',
			'PROJECTS',
			'project_id;cost',
			'A;0.7',
			'VOTES',
			'voter_id;vote',
			...Array.from({ length: 10 }, (_, i) => `${i};A`)
		].join('\n');
		const e = parseElection(text);
		// floating point: each voter gets 0.06999999999999999 and ten of them hold 0.6999999999999998 < 0.7
		expect(floatAffordable(0.7, 10, 0.7)).toBe(false);
		// exactly: ten voters hold exactly 7/10, so MES funds the project
		expect(mes(e, { utility: 'cost' }).selected).toEqual(['A']);
		expect(mes(e, { utility: 'cost', flavour: 'equalshares' }).selected).toEqual(['A']);
		expect(tallies(e).votes[0]).toBe(10);
	});
});
