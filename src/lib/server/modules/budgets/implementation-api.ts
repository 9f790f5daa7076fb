/** Implementation tracking's public surface (re-exported by index.ts): commands, forms, views, the demo seed. */
export { updateImplementation } from './commands/update-implementation.ts';
export { addProgressEntry } from './commands/add-progress-entry.ts';
export {
	implementationStatuses,
	readImplementationForm,
	readProgressEntryForm,
	type ImplementationStatus
} from './implementation.ts';
export {
	viewImplementationList,
	viewProjectImplementation,
	manageImplementation,
	manageProjectImplementation,
	projectImplementation,
	projectChain
} from './implementation-views.ts';
export { createFundedEditionForTests } from './implementation-test-hooks.ts';
export { seedDemoBudgets, type DemoBudgetsSummary } from './seeds.ts';
