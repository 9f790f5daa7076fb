/** @vocea/pb — participatory-budgeting counting engine. */
export { readPabulib, writePabulib, PabulibError, type PabulibFile, type PabulibSection } from './pabulib.ts';
export {
	parseElection,
	buildElection,
	tallies,
	multiProfile,
	formatMoney,
	parseDecimal,
	type Election,
	type Project,
	type VoteType,
	type Profile
} from './election.ts';
export { toJson, fromJson, type PabulibJson } from './json.ts';
export { cityGreedy, utilitarianGreedy, type CityGreedyOptions, type Satisfaction } from './greedy.ts';
export { mes, type MesOptions, type MesUtility, type Completion, type Flavour } from './mes.ts';
export { phragmen } from './phragmen.ts';
export { maxWelfare } from './maxwelfare.ts';
export { count, outcomeJson, RULES, type Rule, type CountOptions } from './count.ts';
export { parseTieBreak, tieRank, type TieBreak } from './tiebreak.ts';
export type { Outcome, ProjectExplanation, Exact } from './outcome.ts';
