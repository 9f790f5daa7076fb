/** Results: computing an edition's results, the results page, the published ballots files, the receipt check, the API. */
export { computeResults, type PotResult } from './commands/compute-results.ts';
export {
	checkReceipt,
	manageResults,
	publishedBallotsFile,
	resultsUrl,
	viewResults,
	type ReceiptCheck
} from './results-views.ts';
export { recountCommand, ballotsFileName } from './results-file.ts';
export { budgetBallotsForApi, budgetEditionsForApi, budgetResultsForApi } from './results-api-json.ts';
export {
	ApiBudgetBallots,
	ApiBudgetBallotsFile,
	ApiBudgetEdition,
	ApiBudgetEditionList,
	ApiBudgetPot,
	ApiBudgetPotResult,
	ApiBudgetResults
} from './results-api-schemas.ts';
export { createCountableEditionForTests } from './results-test-hooks.ts';
