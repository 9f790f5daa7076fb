/** The desks part of the budgets module's public surface (re-exported by index.ts). */
export {
	manageDesks,
	viewDesk,
	deskBallot,
	viewPaperMismatches,
	viewRejectedBallots,
	viewReconciliation,
	reconciliationCsv
} from './desk-views.ts';
export {
	readDeskForm,
	readInPersonForm,
	readPaperForm,
	readRawChoices,
	paperInvalidReasons,
	ruleInvalidReasons
} from './desk-forms.ts';
export { saveDesk } from './commands/save-desk.ts';
export { verifyAtDesk } from './commands/verify-at-desk.ts';
export { recordPaperVoter } from './commands/record-paper-voter.ts';
export { castAssistedBallot } from './commands/cast-assisted-ballot.ts';
export { enterPaperBallot } from './commands/enter-paper-ballot.ts';
export { resolvePaperMismatch } from './commands/resolve-paper-mismatch.ts';
export { createDeskEditionForTests } from './desk-test-hooks.ts';
