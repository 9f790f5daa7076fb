/** Staff enter a recommendation received on paper or by e-mail, with the date it was received (not in the future;
 * after the window only when marked late), into the same register. */
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { todayInBucharest, type IsoDate } from '../../../platform/calendar/index.ts';
import { getDb } from '../../../platform/db/index.ts';
import { can } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { StaffRecommendationInput } from '../forms.ts';
import { loadConsultation } from '../load.ts';
import { consultations } from '../manifest.ts';
import { receivedOnProblem } from '../rules.ts';
import { addRegisterEntry } from './add-register-entry.ts';

export async function recordRecommendation(
	actor: Actor,
	{ moduleId, today = todayInBucharest() }: { moduleId: string; today?: IsoDate },
	input: StaffRecommendationInput
): Promise<Result<{ id: string; number: number }>> {
	const db = await getDb();
	const { ctx, instance, consultation } = await loadConsultation(db, moduleId);
	authorize(can(actor, 'manage', ctx, consultations));
	const form = StaffRecommendationInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const problem = receivedOnProblem(consultation, form.data.receivedOn, today, form.data.late);
	if (problem) return invalid({ receivedOn: problem });
	const row = await db.transaction(async (tx) => {
		const entry = await addRegisterEntry(tx, consultation.id, {
			...form.data,
			enteredBy: actor.kind === 'user' ? actor.id : null
		});
		await recordAction(tx, actor, {
			action: 'consultation.recommendation_record',
			resourceType: 'consultation_recommendation',
			resourceId: entry.id,
			spaceId: instance.spaceId,
			data: { moduleId, number: entry.number, channel: entry.channel, receivedOn: entry.receivedOn, late: entry.late }
		});
		return entry;
	});
	return ok({ id: row.id, number: row.number });
}
