/** Adds a phase to a process's timeline; it takes its place by date and may not overlap another phase. */
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { phases } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { cleanTranslated, fieldErrors, PhaseInput } from '../forms.ts';
import { renumberPhases } from '../phase-order.ts';
import { canManageSpace } from '../policy.ts';
import { findSpace, phasesOf } from '../queries.ts';
import { checkPhaseDates } from '../timeline.ts';

export async function addPhase(actor: Actor, spaceId: string, input: PhaseInput): Promise<Result<{ id: string }>> {
	authorize(canManageSpace(actor, spaceId));
	const db = await getDb();
	if (!(await findSpace(db, spaceId))) throw new NotFoundError('process');
	const form = PhaseInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const data = form.data;
	const dateErrors = checkPhaseDates(data, await phasesOf(db, spaceId));
	if (Object.keys(dateErrors).length) return invalid(dateErrors);
	const id = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(phases)
			.values({
				spaceId,
				position: 1_000_000,
				title: cleanTranslated(data.title),
				description: cleanTranslated(data.description),
				startsOn: data.startsOn,
				endsOn: data.endsOn
			})
			.returning({ id: phases.id });
		await renumberPhases(tx, spaceId);
		await recordAction(tx, actor, {
			action: 'phase.create',
			resourceType: 'phase',
			resourceId: row.id,
			spaceId,
			data: { startsOn: data.startsOn, endsOn: data.endsOn }
		});
		return row.id;
	});
	return ok({ id });
}
