/**
 * Records or replaces the actor's response to a survey while answers are open. The questionnaire is validated
 * question by question; nothing is stored when anything is wrong. One response per person: the unique key on
 * (survey, respondent) turns a second (or concurrent) submission into an update of the same row.
 */
import { sql } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { can } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { ForbiddenError, invalid, ok, type Result } from '../../../platform/result.ts';
import { loadSurvey } from '../access.ts';
import { toRawAnswers, validateAnswers, type SubmittedFields } from '../answers.ts';
import { surveys } from '../manifest.ts';
import { listQuestions, lockSurvey } from '../queries.ts';
import { surveysResponses } from '../schema.ts';

export async function answerSurvey(
	actor: Actor,
	{ moduleId }: { moduleId: string },
	fields: SubmittedFields
): Promise<Result<{ id: string; created: boolean }>> {
	const { db, ctx } = await loadSurvey(moduleId);
	authorize(can(actor, 'answer', ctx, surveys));
	// The system actor passes permission checks but is nobody: a response always belongs to a person.
	if (!isUser(actor)) throw new ForbiddenError('sign_in_required');
	return db.transaction(async (tx) => {
		// A shared lock: answers run side by side, but never while staff change the questionnaire's structure.
		await lockSurvey(tx, moduleId, 'share');
		const questions = await listQuestions(tx, moduleId);
		const checked = validateAnswers(questions, toRawAnswers(fields, questions));
		if (!checked.ok) return invalid(checked.errors);
		if (!Object.keys(checked.answers).length) return invalid({ _form: 'surveys_error_empty' });
		const [row] = await tx
			.insert(surveysResponses)
			.values({ moduleId, respondentId: actor.id, answers: checked.answers })
			.onConflictDoUpdate({
				target: [surveysResponses.moduleId, surveysResponses.respondentId],
				set: { answers: checked.answers, updatedAt: new Date() }
			})
			// xmax = 0 only for a freshly inserted row version: tells "created" from "updated" in one statement.
			.returning({ id: surveysResponses.id, created: sql<boolean>`(xmax = 0)` });
		return ok({ id: row.id, created: row.created });
	});
}
