/**
 * The `budgets` module's public surface: its manifest (for the registry) and the use cases routes, the API and seeds
 * call. Code outside this folder imports the module only from here.
 */
export { budgets } from './manifest.ts';
// Ideas: the edition, pots and categories, submission, eligibility, evaluation, appeals (ideas-api.ts).
export * from './ideas-api.ts';
// Implementation tracking (funded projects), the chain report → proposal → idea → funded → built, demo seed.
export * from './implementation-api.ts';
// Desks: in-person verification, assisted voting, paper ballots entered twice, reports (desks-api.ts).
export * from './desks-api.ts';
// Voting: eligibility, ballot rules, the ballot box, the ballot/review/receipt/change pages (voting-api.ts).
export * from './voting-api.ts';
// Results: counting with the PB engine, published ballots files, receipt check, results API (results-api.ts).
export * from './results-api.ts';
