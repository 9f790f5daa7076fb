/**
 * Changes a question. Before the first response anything may change; after it only texts (title, description,
 * labels of options, rows and columns), so stored answers keep their meaning.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { can } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { loadSurvey } from '../access.ts';
import { surveys } from '../manifest.ts';
import { buildQuestion, structureChange, type QuestionInput } from '../question-form.ts';
import { listQuestions, lockSurvey, responseCount } from '../queries.ts';
import { surveysQuestions } from '../schema.ts';

export async function updateQuestion(
	actor: Actor,
	{ moduleId, questionId }: { moduleId: string; questionId: string },
	input: QuestionInput
): Promise<Result<null>> {
	const { db, ctx, instance } = await loadSurvey(moduleId);
	authorize(can(actor, 'manage', ctx, surveys));
	return db.transaction(async (tx) => {
		await lockSurvey(tx, moduleId, 'update');
		const questions = await listQuestions(tx, moduleId);
		const index = questions.findIndex((q) => q.id === questionId);
		if (index < 0) throw new NotFoundError('question');
		const existing = questions[index];
		const built = buildQuestion(input, { earlier: questions.slice(0, index), existing });
		if (!built.ok) return invalid(built.errors);
		const locked = (await responseCount(tx, moduleId)) > 0;
		if (locked) {
			const changed = structureChange(existing, built.value);
			if (changed) return invalid({ [changed]: 'surveys_error_structure_locked' });
		} else {
			// A question others depend on must keep the option they point to (and stay a choice question).
			const dependants = questions.filter((q) => q.condition?.questionId === questionId);
			const options = new Set([
				...(built.value.config.options ?? []).map((o) => o.id),
				...(built.value.config.allowOther ? ['other'] : [])
			]);
			if (dependants.some((q) => !options.has(q.condition!.optionId)))
				return invalid({ type: 'surveys_error_condition_depends' });
		}
		await tx.update(surveysQuestions).set(built.value).where(eq(surveysQuestions.id, questionId));
		await recordAction(tx, actor, {
			action: 'survey.question.update',
			resourceType: 'survey',
			resourceId: moduleId,
			spaceId: instance.spaceId,
			data: { questionId, textsOnly: locked }
		});
		return ok(null);
	});
}
