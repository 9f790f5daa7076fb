/**
 * The `proposals` module's public surface: its manifest (for the registry) and the use cases routes, the API and
 * seeds call. Code outside this folder imports the module only from here.
 */
export { proposals } from './manifest.ts';
export { viewProposals, viewProposal, viewProposalForm, listPermissions } from './views.ts';
export { supportedAmongRead } from './queries.ts';
export { manageProposals, manageProposal, manageProposalSettings } from './admin-views.ts';
export {
	readProposalForm,
	readAnswerForm,
	readCategoryForm,
	readStateForm,
	readListQuery,
	builtInStates,
	type ProposalInput,
	type ListQuery
} from './forms.ts';
export { createProposal } from './commands/create-proposal.ts';
export { promoteToProposal, proposalPromotionTargets } from './commands/promote-to-proposal.ts';
export { updateProposal } from './commands/update-proposal.ts';
export { withdrawProposal } from './commands/withdraw-proposal.ts';
export { supportProposal } from './commands/support-proposal.ts';
export { unsupportProposal } from './commands/unsupport-proposal.ts';
export { answerProposal } from './commands/answer-proposal.ts';
export { assignEvaluator } from './commands/assign-evaluator.ts';
export { unassignEvaluator } from './commands/unassign-evaluator.ts';
export { addEvaluationNote } from './commands/add-evaluation-note.ts';
export { saveCategory } from './commands/save-category.ts';
export { deleteCategory } from './commands/delete-category.ts';
export { createState } from './commands/create-state.ts';
export { deleteState } from './commands/delete-state.ts';
export { proposalsForApi } from './api.ts';
export { ApiProposal, ApiProposalList } from './api-schemas.ts';
export { seedProposals, mountDemoProposals } from './seeds.ts';
