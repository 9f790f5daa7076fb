/** Changes a survey's introduction (texts may change at any time, even after responses). */
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { can } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { cleanTranslated, fieldErrors, translatedInput } from '../../../platform/spaces/forms.ts';
import { z } from 'zod';
import { loadSurvey } from '../access.ts';
import { surveys } from '../manifest.ts';
import { surveysSurveys } from '../schema.ts';
import { indexSurvey } from '../search.ts';

export const SurveyInput = z.object({ description: translatedInput(10_000, { required: false }) });
export type SurveyInput = z.input<typeof SurveyInput>;

export async function updateSurvey(
	actor: Actor,
	{ moduleId }: { moduleId: string },
	input: SurveyInput
): Promise<Result<null>> {
	const { db, ctx, instance } = await loadSurvey(moduleId);
	authorize(can(actor, 'manage', ctx, surveys));
	const form = SurveyInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const description = cleanTranslated(form.data.description);
	await db.transaction(async (tx) => {
		await tx
			.insert(surveysSurveys)
			.values({ moduleId, description })
			.onConflictDoUpdate({ target: surveysSurveys.moduleId, set: { description, updatedAt: new Date() } });
		await recordAction(tx, actor, {
			action: 'survey.update',
			resourceType: 'survey',
			resourceId: moduleId,
			spaceId: instance.spaceId,
			data: { moduleId }
		});
	});
	await indexSurvey(db, moduleId);
	return ok(null);
}
