/**
 * The ballot rules of an edition (pure: design × pots × projects × the voter's pots). The implementation is
 * browser-safe and lives in `src/lib/modules/budgets/ballot-rules.ts` so the vote page can run it live; server code
 * imports it from here.
 */
export {
	ballotSummary,
	checkBallot,
	choicesFromSelection,
	duplicateRanks,
	type BallotCheck,
	type BallotDesign,
	type BallotError,
	type BallotPot,
	type BallotProject,
	type BallotSummary,
	type PotSummary,
	type SelectionEntry
} from '../../../modules/budgets/ballot-rules.ts';
