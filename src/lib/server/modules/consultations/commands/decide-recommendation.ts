/** Staff record what became of a recommendation (accepted, partly accepted, rejected) and why; the reason is public. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { can } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { OutcomeInput } from '../forms.ts';
import { loadConsultation } from '../load.ts';
import { consultations } from '../manifest.ts';
import { findRecommendation } from '../queries.ts';
import { consultationsRecommendations } from '../schema.ts';

export async function decideRecommendation(
	actor: Actor,
	{ moduleId }: { moduleId: string },
	input: OutcomeInput
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx, instance, consultation } = await loadConsultation(db, moduleId);
	authorize(can(actor, 'manage', ctx, consultations));
	const form = OutcomeInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	// The synthesis is the published record of the outcomes: it freezes them.
	if (consultation.synthesisPublishedAt) return invalid({ _form: 'consultations_error_finalised' });
	const entry = await findRecommendation(db, consultation.id, form.data.recommendationId);
	if (!entry) throw new NotFoundError('recommendation');
	await db.transaction(async (tx) => {
		await tx
			.update(consultationsRecommendations)
			.set({ outcome: form.data.outcome, outcomeReason: form.data.outcomeReason, outcomeAt: new Date() })
			.where(eq(consultationsRecommendations.id, entry.id));
		await recordAction(tx, actor, {
			action: 'consultation.recommendation_outcome',
			resourceType: 'consultation_recommendation',
			resourceId: entry.id,
			spaceId: instance.spaceId,
			data: { moduleId, number: entry.number, outcome: form.data.outcome, previous: entry.outcome }
		});
	});
	return ok(null);
}
