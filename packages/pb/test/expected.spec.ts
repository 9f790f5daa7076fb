/** Exact agreement with the reference implementations' results in ../shared/data/pabulib/expected/. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseElection, type Election } from '../src/election.ts';
import { utilitarianGreedy } from '../src/greedy.ts';
import { maxWelfare } from '../src/maxwelfare.ts';
import { mes } from '../src/mes.ts';
import type { Outcome } from '../src/outcome.ts';
import { phragmen } from '../src/phragmen.ts';
import { hasData, PABULIB_DIR } from './data.ts';

type Runner = (e: Election) => Outcome;
const PABUTOOLS: Record<string, Runner> = {
	greedy_cost_sat: (e) => utilitarianGreedy(e, 'cost'),
	greedy_cardinality_sat: (e) => utilitarianGreedy(e, 'cardinality'),
	greedy_additive_cardinal_sat: (e) => utilitarianGreedy(e, 'cardinal'),
	mes_cost_sat: (e) => mes(e, { utility: 'cost' }),
	mes_cardinality_sat: (e) => mes(e, { utility: 'cardinality' }),
	mes_additive_cardinal_sat: (e) => mes(e, { utility: 'cardinal' }),
	mes_cost_sat_add1: (e) => mes(e, { utility: 'cost', completion: 'add1' }),
	mes_additive_cardinal_sat_add1: (e) => mes(e, { utility: 'cardinal', completion: 'add1' }),
	mes_cost_sat_add1_then_greedy_cost_sat: (e) => {
		const a = mes(e, { utility: 'cost', completion: 'add1', explain: false });
		return utilitarianGreedy(e, 'cost', { initial: a.selected.map((id) => e.projectIndex.get(id) as number) });
	},
	mes_cardinality_sat_then_greedy_cardinality_sat: (e) => mes(e, { utility: 'cardinality', completion: 'greedy' }),
	sequential_phragmen: (e) => phragmen(e),
	max_welfare_cost_sat_primal_dual: (e) => maxWelfare(e, { satisfaction: 'cost' }),
	max_welfare_cardinality_sat_primal_dual: (e) => maxWelfare(e, { satisfaction: 'cardinality' })
};

interface EsParams {
	completion: 'none' | 'add1' | 'add1u';
	add1options: string[];
	comparison: string;
	tieBreaking: string[];
}

const files = hasData
	? readdirSync(PABULIB_DIR + 'expected')
			.filter((f) => f.endsWith('.json'))
			.sort()
	: [];

describe.skipIf(!hasData)('matches expected/ (pabutools 1.2.3 and the equalshares.net compute tool)', () => {
	for (const f of files) {
		const exp = JSON.parse(readFileSync(PABULIB_DIR + 'expected/' + f, 'utf8'));
		const base = f.replace(/(\.equalshares)?\.json$/, '');
		const es = f.includes('.equalshares.');
		let election: Election | null = null;
		const e = () =>
			(election ??= parseElection(readFileSync(`${PABULIB_DIR}pabulib_files/${base}.pb`, 'utf8'), { file: base }));
		for (const [variant, v] of Object.entries<Record<string, unknown>>(exp.results)) {
			if (v.skipped || v.timeout_seconds) continue;
			it(`${f} ${variant}`, () => {
				let out: Outcome;
				if (es) {
					const p = v.params as EsParams;
					expect(p.tieBreaking).toEqual(['minCost', 'maxVotes']);
					out = mes(e(), {
						flavour: 'equalshares',
						utility: 'cost',
						completion: p.completion,
						add1Stop: p.add1options.includes('exhaustive') ? 'exhaustive' : 'budget',
						add1Start: p.add1options.includes('integral') ? 'integral' : 'exact',
						comparison: p.comparison !== 'none'
					});
					expect(out.selected).toEqual(v.winners_in_order);
					if (p.completion !== 'none') expect(out.details.endowment).toBe(String(v.final_per_voter_endowment));
				} else {
					const run = PABUTOOLS[variant];
					expect(run, `no runner for ${variant}`).toBeDefined();
					out = run(e());
					if (variant.startsWith('max_welfare')) {
						expect(out.details.objective).toBe(v.objective);
						return;
					}
					expect([...out.selected].sort()).toEqual([...(v.selected_sorted as string[])].sort());
					expect(out.totalCost).toBe(v.total_cost);
					if (variant !== 'sequential_phragmen') expect(out.selected).toEqual(v.selection_order); // pabutools sorts Phragmén's output
				}
			}, 60_000);
		}
	}
	it('reproduces the published outcomes of Assen 2024, Świecie 2023 (all Add1 variants) and Wieliczka 2023 (Add1 within budget)', () => {
		const published = (name: string) => {
			const el = parseElection(readFileSync(`${PABULIB_DIR}pabulib_files/${name}.pb`, 'utf8'));
			const si = el.file.projects.columns.indexOf('selected');
			return {
				el,
				want: el.projects
					.filter((p) => el.file.projects.rows[p.index][si]?.trim() === '1')
					.map((p) => p.id)
					.sort()
			};
		};
		for (const name of ['Netherlands_Assen_2024', 'Poland_Swiecie_2023']) {
			const { el, want } = published(name);
			for (const stop of ['exhaustive', 'budget'] as const)
				expect(
					[...mes(el, { flavour: 'equalshares', completion: 'add1', add1Stop: stop, explain: false }).selected].sort()
				).toEqual(want);
		}
		const { el, want } = published('Poland_Wieliczka_2023_Green_Budget');
		const out = mes(el, {
			flavour: 'equalshares',
			completion: 'add1',
			add1Stop: 'budget',
			comparison: true,
			explain: false
		});
		expect([...out.selected].sort()).toEqual(want);
		expect(out.totalCost).toBe('995079');
		expect(
			[
				...mes(el, { flavour: 'equalshares', completion: 'add1', add1Stop: 'exhaustive', explain: false }).selected
			].sort()
		).not.toEqual(want);
	}, 60_000);
});
