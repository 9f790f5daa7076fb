/** Removes a question before the first response; refused when a later question's condition points to it. */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { can } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { loadSurvey } from '../access.ts';
import { surveys } from '../manifest.ts';
import { lockSurvey, responseCount } from '../queries.ts';
import { surveysQuestions } from '../schema.ts';

export async function deleteQuestion(
	actor: Actor,
	{ moduleId, questionId }: { moduleId: string; questionId: string }
): Promise<Result<null>> {
	const { db, ctx, instance } = await loadSurvey(moduleId);
	authorize(can(actor, 'manage', ctx, surveys));
	return db.transaction(async (tx) => {
		await lockSurvey(tx, moduleId, 'update');
		const questions = await tx.select().from(surveysQuestions).where(eq(surveysQuestions.moduleId, moduleId));
		const question = questions.find((q) => q.id === questionId);
		if (!question) throw new NotFoundError('question');
		if ((await responseCount(tx, moduleId)) > 0) return invalid({ _form: 'surveys_error_structure_locked' });
		if (questions.some((q) => q.condition?.questionId === questionId))
			return invalid({ _form: 'surveys_error_condition_depends' });
		await tx.delete(surveysQuestions).where(eq(surveysQuestions.id, questionId));
		await tx
			.update(surveysQuestions)
			.set({ position: sql`${surveysQuestions.position} - 1` })
			.where(and(eq(surveysQuestions.moduleId, moduleId), gt(surveysQuestions.position, question.position)));
		await recordAction(tx, actor, {
			action: 'survey.question.delete',
			resourceType: 'survey',
			resourceId: moduleId,
			spaceId: instance.spaceId,
			data: { questionId, title: question.title.ro }
		});
		return ok(null);
	});
}
