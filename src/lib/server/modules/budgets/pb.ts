/**
 * The PB engine (`packages/pb`) as the budgets module uses it: imported from its TypeScript source, so the app and
 * `npx vocea-pb` (which runs the same source) count with the very same code.
 */
export {
	count,
	outcomeJson,
	parseElection,
	readPabulib,
	writePabulib,
	type CountOptions,
	type Outcome,
	type PabulibFile,
	type ProjectExplanation,
	type Rule,
	type TieBreak
} from '../../../../../packages/pb/src/index.ts';
