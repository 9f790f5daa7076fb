/** Publishes a process: it needs at least one phase; its phase clock starts from the phase current now. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { spaceClock, spaces } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { canManageSpace } from '../policy.ts';
import { indexProcess } from '../search.ts';
import { findSpace, phasesOf } from '../queries.ts';
import { currentPhaseAt } from '../timeline.ts';

export async function publishProcess(actor: Actor, spaceId: string, now: Date = new Date()): Promise<Result<null>> {
	authorize(canManageSpace(actor, spaceId));
	const db = await getDb();
	const space = await findSpace(db, spaceId);
	if (!space) throw new NotFoundError('process');
	const spacePhases = await phasesOf(db, spaceId);
	if (!spacePhases.length) return invalid({ _form: 'processes_publish_error_no_phases' });
	if (space.status === 'published') return ok(null);
	await db.transaction(async (tx) => {
		await tx.update(spaces).set({ status: 'published', publishedAt: now }).where(eq(spaces.id, spaceId));
		// The clock starts where the process is now, so publishing mid-phase does not announce a "change".
		const current = currentPhaseAt(spacePhases, now)?.id ?? null;
		await tx
			.insert(spaceClock)
			.values({ spaceId, currentPhaseId: current, changedAt: now })
			.onConflictDoUpdate({ target: spaceClock.spaceId, set: { currentPhaseId: current, changedAt: now } });
		await recordAction(tx, actor, { action: 'space.publish', resourceType: 'space', resourceId: spaceId, spaceId });
	});
	await indexProcess(db, (await findSpace(db, spaceId))!);
	return ok(null);
}
