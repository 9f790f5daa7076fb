/** Adds a question at the end of a survey's questionnaire; refused once anyone has answered (structure locked). */
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { can } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { loadSurvey } from '../access.ts';
import { surveys } from '../manifest.ts';
import { buildQuestion, type QuestionInput } from '../question-form.ts';
import { listQuestions, lockSurvey, responseCount } from '../queries.ts';
import { surveysQuestions } from '../schema.ts';

export async function addQuestion(
	actor: Actor,
	{ moduleId }: { moduleId: string },
	input: QuestionInput
): Promise<Result<{ id: string }>> {
	const { db, ctx, instance } = await loadSurvey(moduleId);
	authorize(can(actor, 'manage', ctx, surveys));
	return db.transaction(async (tx) => {
		await lockSurvey(tx, moduleId, 'update');
		if ((await responseCount(tx, moduleId)) > 0) return invalid({ _form: 'surveys_error_structure_locked' });
		const built = buildQuestion(input, { earlier: await listQuestions(tx, moduleId) });
		if (!built.ok) return invalid(built.errors);
		const [row] = await tx
			.insert(surveysQuestions)
			.values({
				moduleId,
				...built.value,
				position: sql`(select coalesce(max(${surveysQuestions.position}) + 1, 0) from ${surveysQuestions} where ${eq(surveysQuestions.moduleId, moduleId)})`
			})
			.returning({ id: surveysQuestions.id });
		await recordAction(tx, actor, {
			action: 'survey.question.add',
			resourceType: 'survey',
			resourceId: moduleId,
			spaceId: instance.spaceId,
			data: { questionId: row.id, type: built.value.type }
		});
		return ok({ id: row.id });
	});
}
