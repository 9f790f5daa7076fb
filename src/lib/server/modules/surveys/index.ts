/**
 * The `surveys` module's public surface: its manifest (for the registry) and the use cases routes and seeds call.
 * Code outside this folder imports the module only from here (a lint rule enforces it).
 */
export { surveys } from './manifest.ts';
export { viewSurvey, viewResults, resultsCsv, exportResponses, manageSurvey, manageQuestion } from './views.ts';
export { readAnswersForm, type SubmittedFields } from './answers.ts';
export { readQuestionForm, type QuestionInput } from './question-form.ts';
export { updateSurvey } from './commands/update-survey.ts';
export { addQuestion } from './commands/add-question.ts';
export { updateQuestion } from './commands/update-question.ts';
export { deleteQuestion } from './commands/delete-question.ts';
export { moveQuestion } from './commands/move-question.ts';
export { answerSurvey } from './commands/answer-survey.ts';
export { seedMobilitySurvey } from './seeds.ts';
export { mountDemoSurvey } from './demo.ts';
