/** Changes a phase's title, description and dates; the timeline is re-ordered by date, overlaps are refused. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { phases } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { cleanTranslated, fieldErrors, PhaseInput } from '../forms.ts';
import { renumberPhases } from '../phase-order.ts';
import { canManageSpace } from '../policy.ts';
import { findPhase, phasesOf } from '../queries.ts';
import { checkPhaseDates } from '../timeline.ts';

export async function updatePhase(
	actor: Actor,
	{ spaceId, phaseId }: { spaceId: string; phaseId: string },
	input: PhaseInput
): Promise<Result<null>> {
	authorize(canManageSpace(actor, spaceId));
	const db = await getDb();
	const phase = await findPhase(db, phaseId);
	if (!phase || phase.spaceId !== spaceId) throw new NotFoundError('phase');
	const form = PhaseInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const data = form.data;
	const dateErrors = checkPhaseDates({ id: phaseId, ...data }, await phasesOf(db, spaceId));
	if (Object.keys(dateErrors).length) return invalid(dateErrors);
	await db.transaction(async (tx) => {
		await tx
			.update(phases)
			.set({
				title: cleanTranslated(data.title),
				description: cleanTranslated(data.description),
				startsOn: data.startsOn,
				endsOn: data.endsOn
			})
			.where(eq(phases.id, phaseId));
		await renumberPhases(tx, spaceId);
		await recordAction(tx, actor, {
			action: 'phase.update',
			resourceType: 'phase',
			resourceId: phaseId,
			spaceId,
			data: { startsOn: data.startsOn, endsOn: data.endsOn }
		});
	});
	return ok(null);
}
