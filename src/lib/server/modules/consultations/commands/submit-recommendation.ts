/** A signed-in person sends a written recommendation through the platform while the window is open; it goes into
 * the register under the next number, with their account's e-mail as the (private) contact. */
import type { Actor } from '../../../platform/actors/actor.ts';
import { todayInBucharest, type IsoDate } from '../../../platform/calendar/index.ts';
import { getDb } from '../../../platform/db/index.ts';
import { can } from '../../../platform/modules/runtime.ts';
import { authorize, decide } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { OnlineRecommendationInput } from '../forms.ts';
import { loadConsultation } from '../load.ts';
import { consultations } from '../manifest.ts';
import { windowOpen } from '../rules.ts';
import { addRegisterEntry } from './add-register-entry.ts';

export async function submitRecommendation(
	actor: Actor,
	{ moduleId, today = todayInBucharest() }: { moduleId: string; today?: IsoDate },
	input: OnlineRecommendationInput
): Promise<Result<{ id: string; number: number }>> {
	const db = await getDb();
	const { ctx, consultation } = await loadConsultation(db, moduleId);
	authorize(can(actor, 'recommend', ctx, consultations));
	authorize(decide(windowOpen(consultation, today), 'consultations_window_closed'));
	if (actor.kind !== 'user') throw new Error('unreachable: recommend requires a user');
	const form = OnlineRecommendationInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const row = await db.transaction((tx) =>
		addRegisterEntry(tx, consultation.id, {
			receivedOn: today,
			channel: 'online',
			authorName: actor.name,
			organisation: form.data.organisation,
			contact: actor.email,
			userId: actor.id,
			text: form.data.text,
			article: form.data.article
		})
	);
	return ok({ id: row.id, number: row.number });
}
