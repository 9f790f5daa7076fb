/**
 * Pure part of counting an edition: the Pabulib ballots file of one pot (what is published and hashed), the engine
 * options the edition's settings stand for, the exact `npx vocea-pb count …` command that re-counts a published
 * file, and the leftover rule applied after the engine's outcome.
 *
 * Mapping of the edition's rule (documented in docs/budgets-results.md):
 *  - `greedy` → engine rule `greedy-threshold` with META `min_project_score_threshold` 1: greedy by votes (by points
 *    for cumulative ballots, by positional score for ranking ballots), skipping projects that no longer fit, and never
 *    funding a project nobody voted for (Pabulib's plain `greedy` would fund those with whatever money is left);
 *  - `mes` → engine rule `mes-greedy` (Method of Equal Shares with cost utilities, then completed by votes — pabutools'
 *    `completion_by_rule_combination`): plain MES often leaves much of the pot unspent, and the equalshares.net Add1
 *    completion raises the endowment one leu at a time, which on a small pot (a few dozen ballots, 500,000 lei) runs
 *    for minutes; MES + greedy completion is exact, fast on any pot, and re-counts with the same command.
 * The declared tie-break is passed to the engine and written into the file's META and the command.
 */
import {
	count,
	parseElection,
	writePabulib,
	type Outcome,
	type ProjectExplanation,
	type Rule,
	type TieBreak
} from './pb.ts';
import type { BudgetsGlobalSettings } from './settings.ts';

export interface PotProject {
	/** Internal id (ballots refer to projects by it). */
	id: string;
	/** Public code: the project id in the file. */
	code: string;
	title: string;
	/** city_cost ?? estimated_cost, whole lei. */
	cost: number;
}

export interface PotBallot {
	publicId: string;
	/** Project ids chosen in this pot, in ballot order (the ranking for ranking ballots). */
	projectIds: string[];
	points?: number[];
	/** online | assisted | paper: counted per pot for turnout, never written into the file. */
	channel?: string;
}

export interface PotFileInput {
	cityName: string;
	edition: string;
	editionId: string;
	potCode: string;
	potName: string;
	budget: number;
	settings: BudgetsGlobalSettings;
	projects: PotProject[];
	ballots: PotBallot[];
	dateBegin?: Date | null;
	dateEnd?: Date | null;
}

export const engineRule = (s: Pick<BudgetsGlobalSettings, 'rule'>): Rule =>
	s.rule === 'mes' ? 'mes-greedy' : 'greedy-threshold';

/** The tie-break as `vocea-pb --tie-break` spells it (never a declared order: the edition declares a rule). */
export const engineTieBreak = (
	s: Pick<BudgetsGlobalSettings, 'tieBreak' | 'tieBreakSeed'>
): Extract<TieBreak, string> => (s.tieBreak === 'seed' ? `seed:${s.tieBreakSeed}` : s.tieBreak);

export const voteType = (s: Pick<BudgetsGlobalSettings, 'ballotKind'>) =>
	s.ballotKind === 'cumulative' ? 'cumulative' : s.ballotKind === 'ranking' ? 'ordinal' : 'approval';

/** The published file's name for a pot (its code, safe in a URL). */
export const ballotsFileName = (potCode: string) => `${potCode}.pb`;

export const resultsUrl = (spaceSlug: string, moduleId: string) =>
	`/processes/${spaceSlug}/budgets/${moduleId}/results`;
export const ballotsFileUrl = (spaceSlug: string, moduleId: string, potCode: string) =>
	`/processes/${spaceSlug}/budgets/${moduleId}/ballots/${ballotsFileName(potCode)}`;

export const channels = ['online', 'assisted', 'paper'] as const;
export type Channel = (typeof channels)[number];

/** What computeResults keeps in `budgets_results.outcome` besides the engine's own outcome. */
export interface StoredOutcome {
	engine: { explanations: ProjectExplanation[]; totalCost: string; params: Record<string, unknown> };
	selected: string[];
	ranking: string[];
	votes: Record<string, number>;
	topUp: { code: string; added: number } | null;
	channels?: Partial<Record<Channel, number>>;
}

/** The exact command that re-counts a published file. */
export function recountCommand(
	s: Pick<BudgetsGlobalSettings, 'rule' | 'tieBreak' | 'tieBreakSeed'>,
	fileName: string
): string {
	return `npx vocea-pb count ${fileName} --rule ${engineRule(s)} --tie-break ${engineTieBreak(s)}`;
}

const byCode = (a: PotProject, b: PotProject) => a.code.localeCompare(b.code, 'en', { numeric: true });
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The ballots file of one pot. Projects in code order (the ballot's order, which `file-order` ties follow), voters
 * in public-id order (random, so the order says nothing about when or where anyone voted). Ballots with no choice
 * left in this pot are not voters of the pot; choices of projects no longer on the ballot are dropped.
 */
export function potBallotsFile(input: PotFileInput): {
	text: string;
	ballots: number;
	dropped: number;
	channels: Record<string, number>;
} {
	const { settings: s } = input;
	const projects = [...input.projects].sort(byCode);
	const codeOf = new Map(projects.map((p) => [p.id, p.code]));
	const cumulative = s.ballotKind === 'cumulative';
	const votes: string[][] = [];
	const tally = new Map<string, number>();
	let dropped = 0;
	const channels: Record<string, number> = {};
	const sorted = [...input.ballots].sort((a, b) => (a.publicId < b.publicId ? -1 : a.publicId > b.publicId ? 1 : 0));
	for (const b of sorted) {
		const codes: string[] = [];
		const points: number[] = [];
		b.projectIds.forEach((pid, i) => {
			const code = codeOf.get(pid);
			const pts = cumulative ? (b.points?.[i] ?? 0) : 1;
			if (!code) return void dropped++;
			if (codes.includes(code) || pts <= 0) return;
			codes.push(code);
			points.push(pts);
			tally.set(code, (tally.get(code) ?? 0) + (cumulative ? pts : 1));
		});
		if (!codes.length) continue;
		if (b.channel) channels[b.channel] = (channels[b.channel] ?? 0) + 1;
		votes.push(cumulative ? [b.publicId, codes.join(','), points.join(',')] : [b.publicId, codes.join(',')]);
	}
	const meta: [string, string][] = [
		['description', `${input.edition} — ${input.potName}`],
		['country', 'Romania'],
		['unit', input.cityName],
		['instance', input.edition],
		['subunit', input.potName],
		['district', input.potCode],
		['num_projects', String(projects.length)],
		['num_votes', String(votes.length)],
		['budget', String(input.budget)],
		['vote_type', voteType(s)],
		['rule', engineRule(s)],
		['tie_break', engineTieBreak(s)],
		...(engineRule(s) === 'greedy-threshold' ? [['min_project_score_threshold', '1'] as [string, string]] : []),
		...(input.dateBegin ? [['date_begin', isoDay(input.dateBegin)] as [string, string]] : []),
		...(input.dateEnd ? [['date_end', isoDay(input.dateEnd)] as [string, string]] : []),
		...ballotLimits(s, input.budget),
		['language', 'ro'],
		['currency', 'RON'],
		['edition', input.editionId],
		['comment', `Vocea: re-count with "${recountCommand(s, ballotsFileName(input.potCode))}"`]
	];
	const text = writePabulib({
		meta,
		metaHeader: true,
		projects: {
			columns: ['project_id', 'cost', 'votes', 'name'],
			rows: projects.map((p) => [p.code, String(p.cost), String(tally.get(p.code) ?? 0), p.title]),
			lines: []
		},
		votes: { columns: cumulative ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'], rows: votes, lines: [] }
	});
	return { text, ballots: votes.length, dropped, channels };
}

function ballotLimits(s: BudgetsGlobalSettings, budget: number): [string, string][] {
	switch (s.ballotKind) {
		case 'approval':
		case 'ranking':
			return [
				['min_length', '1'],
				['max_length', String(s.maxChoices)]
			];
		case 'knapsack':
			return [['max_sum_cost', String(budget)]];
		case 'cumulative':
			return [
				['max_sum_points', String(s.points)],
				['max_points', String(s.maxPointsPerProject)]
			];
	}
}

export interface PotCount {
	outcome: Outcome;
	/** Engine selection, in order (the published re-count reproduces exactly this). */
	selected: string[];
	/** Funded codes: the engine's selection plus a top-up project if the leftover rule added one. */
	funded: string[];
	leftover: number;
	/** null (rule none) | top_up (a project was topped up) | top_up_none (none close enough) | carry_over */
	leftoverAction: string | null;
	topUp: { code: string; added: number } | null;
	/** Votes (points for cumulative ballots) per project code. */
	votes: Record<string, number>;
	/** Project codes by votes, ties broken as declared: the order the top-up follows. */
	ranking: string[];
}

/** Counts a pot's file text with the edition's rule and applies the leftover rule. */
export function countPot(text: string, s: BudgetsGlobalSettings, fileName: string): PotCount {
	const election = parseElection(text, { file: fileName });
	const tieBreak = engineTieBreak(s);
	const outcome = count(election, { rule: engineRule(s), tieBreak });
	// The greedy ranking (by votes or points, declared tie-break) also orders the unfunded projects for the top-up.
	const ranked = engineRule(s) === 'greedy-threshold' ? outcome : count(election, { rule: 'greedy', tieBreak });
	const ranking = [...ranked.explanations].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)).map((x) => x.id);
	const votes: Record<string, number> = {};
	for (const x of ranked.explanations) votes[x.id] = Number((s.ballotKind === 'cumulative' ? x.score : x.votes) ?? 0);
	const budget = Number(outcome.budget);
	const cost = new Map(outcome.explanations.map((x) => [x.id, Number(x.cost)]));
	let leftover = budget - Number(outcome.totalCost);
	let leftoverAction: string | null = null;
	let topUp: PotCount['topUp'] = null;
	const funded = [...outcome.selected];
	if (s.leftoverRule === 'carry_over') leftoverAction = leftover > 0 ? 'carry_over' : null;
	if (s.leftoverRule === 'top_up' && leftover > 0) {
		const next = ranking.find((code) => !funded.includes(code) && (votes[code] ?? 0) > 0);
		const lacks = next ? (cost.get(next) ?? 0) - leftover : Infinity;
		if (next && lacks <= s.topUpLimit) {
			topUp = { code: next, added: Math.max(0, lacks) };
			funded.push(next);
			leftover = Math.max(0, -lacks);
			leftoverAction = 'top_up';
		} else leftoverAction = 'top_up_none';
	}
	return { outcome, selected: outcome.selected, funded, leftover, leftoverAction, topUp, votes, ranking };
}
