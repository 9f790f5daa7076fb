/** The ideas part of the `budgets` module as routes and other modules use it (re-exported by index.ts). */
export { viewEdition, viewProjects, viewProject, viewIdeaForm } from './views.ts';
export {
	manageEdition,
	managePot,
	manageIdeas,
	manageEvaluations,
	manageAppeals,
	manageProject
} from './admin-views.ts';
export {
	readIdeaForm,
	readPotForm,
	readCategoryForm,
	readProjectQuery,
	type IdeaInput,
	type IdeaFiles,
	type PotInput,
	type ProjectQuery
} from './forms.ts';
export { submitIdea } from './commands/submit-idea.ts';
export { updateIdea } from './commands/update-idea.ts';
export { withdrawIdea } from './commands/withdraw-idea.ts';
export { promoteToIdea, type PromotionSource } from './commands/promote-to-idea.ts';
export { decideEligibility } from './commands/decide-eligibility.ts';
export { assignDepartment } from './commands/assign-department.ts';
export { evaluateProject } from './commands/evaluate-project.ts';
export { lodgeAppeal } from './commands/lodge-appeal.ts';
export { decideAppeal } from './commands/decide-appeal.ts';
export { savePot } from './commands/save-pot.ts';
export { deletePot } from './commands/delete-pot.ts';
export { saveCategory } from './commands/save-category.ts';
export { deleteCategory } from './commands/delete-category.ts';
export { PROJECT_RESOURCE, editionUrl, projectUrl, projectState, type ProjectState } from './queries.ts';
export { promotionTargets, promoteFromForm } from './promotion-targets.ts';
export { createIdeasEditionForTests, setStageForTests } from './ideas-test-hooks.ts';
