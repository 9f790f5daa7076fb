/** Removes a phase from a process's timeline, with the module settings that were kept for it. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { moduleInstances, phases } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { NotFoundError, ok, type Result } from '../../result.ts';
import { renumberPhases } from '../phase-order.ts';
import { canManageSpace } from '../policy.ts';
import { findPhase, modulesOf } from '../queries.ts';

export async function deletePhase(
	actor: Actor,
	{ spaceId, phaseId }: { spaceId: string; phaseId: string }
): Promise<Result<null>> {
	authorize(canManageSpace(actor, spaceId));
	const db = await getDb();
	const phase = await findPhase(db, phaseId);
	if (!phase || phase.spaceId !== spaceId) throw new NotFoundError('phase');
	await db.transaction(async (tx) => {
		await tx.delete(phases).where(eq(phases.id, phaseId));
		for (const mod of await modulesOf(tx, spaceId)) {
			if (!(phaseId in mod.phaseSettings)) continue;
			const { [phaseId]: _dropped, ...rest } = mod.phaseSettings;
			await tx.update(moduleInstances).set({ phaseSettings: rest }).where(eq(moduleInstances.id, mod.id));
		}
		await renumberPhases(tx, spaceId);
		await recordAction(tx, actor, {
			action: 'phase.delete',
			resourceType: 'phase',
			resourceId: phaseId,
			spaceId,
			data: { title: phase.title.ro, startsOn: phase.startsOn, endsOn: phase.endsOn }
		});
	});
	return ok(null);
}
