/**
 * Moves a phase one place earlier or later. The calendar stays as it is: the phase takes the dates of the place it
 * moves to and its neighbour takes its dates, so the timeline remains in date order without overlaps.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { phases } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { NotFoundError, ok, type Result } from '../../result.ts';
import { canManageSpace } from '../policy.ts';
import { phasesOf } from '../queries.ts';

export async function movePhase(
	actor: Actor,
	{ spaceId, phaseId, direction }: { spaceId: string; phaseId: string; direction: 'up' | 'down' }
): Promise<Result<null>> {
	authorize(canManageSpace(actor, spaceId));
	const db = await getDb();
	const ordered = await phasesOf(db, spaceId);
	const i = ordered.findIndex((p) => p.id === phaseId);
	if (i < 0) throw new NotFoundError('phase');
	const j = direction === 'up' ? i - 1 : i + 1;
	if (j < 0 || j >= ordered.length) return ok(null);
	const [a, b] = [ordered[i], ordered[j]];
	await db.transaction(async (tx) => {
		// The two slots keep their dates; what moves is the phase's content.
		await tx
			.update(phases)
			.set({ position: b.position, startsOn: b.startsOn, endsOn: b.endsOn })
			.where(eq(phases.id, a.id));
		await tx
			.update(phases)
			.set({ position: a.position, startsOn: a.startsOn, endsOn: a.endsOn })
			.where(eq(phases.id, b.id));
		await recordAction(tx, actor, {
			action: 'phase.move',
			resourceType: 'phase',
			resourceId: phaseId,
			spaceId,
			data: { direction, swappedWith: b.id }
		});
	});
	return ok(null);
}
