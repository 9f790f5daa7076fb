/** Moves a question one place up or down, before the first response; a condition must still point backwards. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { can } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { loadSurvey } from '../access.ts';
import { surveys } from '../manifest.ts';
import { listQuestions, lockSurvey, responseCount } from '../queries.ts';
import { surveysQuestions } from '../schema.ts';

export async function moveQuestion(
	actor: Actor,
	{ moduleId, questionId, direction }: { moduleId: string; questionId: string; direction: 'up' | 'down' }
): Promise<Result<null>> {
	const { db, ctx, instance } = await loadSurvey(moduleId);
	authorize(can(actor, 'manage', ctx, surveys));
	return db.transaction(async (tx) => {
		await lockSurvey(tx, moduleId, 'update');
		const list = await listQuestions(tx, moduleId);
		const i = list.findIndex((q) => q.id === questionId);
		if (i < 0) throw new NotFoundError('question');
		if ((await responseCount(tx, moduleId)) > 0) return invalid({ _form: 'surveys_error_structure_locked' });
		const j = direction === 'up' ? i - 1 : i + 1;
		if (j < 0 || j >= list.length) return ok(null);
		[list[i], list[j]] = [list[j], list[i]];
		// Conditions are evaluated in order: a question may only depend on one above it.
		const seen = new Set<string>();
		for (const q of list) {
			if (q.condition && !seen.has(q.condition.questionId)) return invalid({ _form: 'surveys_error_condition_order' });
			seen.add(q.id);
		}
		// Renumber the whole list so positions stay 0…n-1 even if older rows had gaps or ties.
		for (const [position, q] of list.entries())
			await tx.update(surveysQuestions).set({ position }).where(eq(surveysQuestions.id, q.id));
		await recordAction(tx, actor, {
			action: 'survey.question.move',
			resourceType: 'survey',
			resourceId: moduleId,
			spaceId: instance.spaceId,
			data: { questionId, direction }
		});
		return ok(null);
	});
}
