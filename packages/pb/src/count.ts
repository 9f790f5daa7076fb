/** One entry point for every rule, with the options of the CLI, and the stable JSON form of a result. */
import type { Election } from './election.ts';
import { cityGreedy, utilitarianGreedy, type Satisfaction } from './greedy.ts';
import { maxWelfare } from './maxwelfare.ts';
import { mes, type Flavour, type MesUtility } from './mes.ts';
import type { Outcome } from './outcome.ts';
import { phragmen } from './phragmen.ts';
import type { TieBreak } from './tiebreak.ts';

export const RULES = [
	'greedy',
	'greedy-no-skip',
	'greedy-threshold',
	'greedy-poznan',
	'greedy-utilitarian',
	'mes',
	'mes-add1',
	'mes-add1u',
	'mes-greedy',
	'phragmen',
	'max-welfare'
] as const;
export type Rule = (typeof RULES)[number];

export interface CountOptions {
	rule: Rule;
	/** cost | cardinality (approval-like ballots); cumulative / ordinal / scoring ballots always use their points. */
	utility?: 'cost' | 'cardinality';
	tieBreak?: TieBreak;
	add1Stop?: 'exhaustive' | 'budget';
	add1Start?: 'exact' | 'integral';
	comparison?: boolean;
	/** MES flavour; default `equalshares` for mes-add1 / mes-add1u, `pabutools` otherwise. */
	flavour?: Flavour;
	/** greedy-threshold: the minimum score; default META min_project_score_threshold. */
	threshold?: number;
	explain?: boolean;
}

function approvalLike(e: Election): boolean {
	return e.voteType === 'approval' || e.voteType === 'choose-1';
}

export function count(e: Election, o: CountOptions): Outcome {
	const mesUtility: MesUtility = approvalLike(e) ? (o.utility ?? 'cost') : 'cardinal';
	const sat: Satisfaction = mesUtility;
	switch (o.rule) {
		case 'greedy':
			return cityGreedy(e, { tieBreak: o.tieBreak }, 'greedy');
		case 'greedy-no-skip':
			return cityGreedy(e, { tieBreak: o.tieBreak, noSkip: true }, 'greedy-no-skip');
		case 'greedy-threshold': {
			const t = o.threshold ?? Number(e.meta.get('min_project_score_threshold') ?? NaN);
			if (!Number.isFinite(t))
				throw new Error('greedy-threshold needs --threshold N or META min_project_score_threshold');
			return cityGreedy(e, { tieBreak: o.tieBreak, threshold: t }, 'greedy-threshold');
		}
		case 'greedy-poznan':
			return cityGreedy(e, { tieBreak: o.tieBreak, poznan80: true }, 'greedy-poznan');
		case 'greedy-utilitarian':
			return utilitarianGreedy(e, sat, { tieBreak: o.tieBreak });
		case 'mes':
		case 'mes-add1':
		case 'mes-add1u':
		case 'mes-greedy': {
			const completion =
				o.rule === 'mes' ? 'none' : o.rule === 'mes-add1' ? 'add1' : o.rule === 'mes-add1u' ? 'add1u' : 'greedy';
			const flavour = o.flavour ?? (completion === 'add1' || completion === 'add1u' ? 'equalshares' : 'pabutools');
			return mes(e, {
				utility: mesUtility,
				completion,
				flavour,
				tieBreak: o.tieBreak,
				add1Stop: o.add1Stop,
				add1Start: o.add1Start,
				comparison: o.comparison,
				explain: o.explain
			});
		}
		case 'phragmen':
			if (!approvalLike(e)) throw new Error('phragmen applies to approval / choose-1 ballots only');
			return phragmen(e, { tieBreak: o.tieBreak });
		case 'max-welfare':
			return maxWelfare(e, { satisfaction: sat, tieBreak: o.tieBreak });
	}
	throw new Error(`unknown rule "${o.rule as string}" (${RULES.join(', ')})`);
}

/** The stable JSON form printed by `vocea-pb count --json`. */
export function outcomeJson(o: Outcome): Record<string, unknown> {
	return {
		rule: o.rule,
		selected: o.selected,
		total_cost: o.totalCost,
		budget: o.budget,
		params: o.params,
		details: o.details,
		explanations: o.explanations
	};
}
