/**
 * The phase clock: the current phase follows the calendar with nobody touching it. Pages compute it on every
 * request; this job notices each change once (table `space_clock`), lets the space's modules react (their
 * `phaseChanged` hook, in the same transaction as the claim) and then tells followers.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { moduleInstances, spaceClock, spaces } from '../db/schema.ts';
import type { AnyModule } from '../modules/define-module.ts';
import { logger } from '../log.ts';
import { notifyFollowers } from '../notifications/follows.ts';
import { phasesOf } from './queries.ts';
import { currentPhaseAt } from './timeline.ts';

export interface PhaseChange {
	spaceId: string;
	slug: string;
	from: string | null;
	to: string | null;
}

export const PHASE_CHANGED_NOTIFICATION = 'processes_notification_phase_changed';

/**
 * Advances every published space's clock to `now`. A space seen for the first time starts at its current phase
 * without a change. Safe to run from several processes at once: the conditional UPDATE lets only one claim a change.
 */
export async function advancePhaseClocks(
	db: Db,
	now: Date,
	findManifest: (kind: string) => AnyModule | undefined
): Promise<PhaseChange[]> {
	const rows = await db
		.select({
			id: spaces.id,
			slug: spaces.slug,
			title: spaces.title,
			seen: spaceClock.currentPhaseId,
			known: spaceClock.spaceId
		})
		.from(spaces)
		.leftJoin(spaceClock, eq(spaceClock.spaceId, spaces.id))
		.where(eq(spaces.status, 'published'));
	const changes: PhaseChange[] = [];
	for (const space of rows) {
		const spacePhases = await phasesOf(db, space.id);
		const current = currentPhaseAt(spacePhases, now);
		const to = current?.id ?? null;
		if (!space.known) {
			await db
				.insert(spaceClock)
				.values({ spaceId: space.id, currentPhaseId: to, changedAt: now })
				.onConflictDoNothing();
			continue;
		}
		if (space.seen === to) continue;
		const change: PhaseChange = { spaceId: space.id, slug: space.slug, from: space.seen, to };
		try {
			const claimed = await db.transaction(async (tx) => {
				const won = await tx
					.update(spaceClock)
					.set({ currentPhaseId: to, changedAt: now })
					.where(
						and(
							eq(spaceClock.spaceId, space.id),
							space.seen === null ? isNull(spaceClock.currentPhaseId) : eq(spaceClock.currentPhaseId, space.seen)
						)
					)
					.returning({ spaceId: spaceClock.spaceId });
				if (!won.length) return false;
				const mounted = await tx
					.select({ id: moduleInstances.id, kind: moduleInstances.kind })
					.from(moduleInstances)
					.where(eq(moduleInstances.spaceId, space.id))
					.orderBy(sql`${moduleInstances.position}`);
				for (const m of mounted) await findManifest(m.kind)?.hooks?.phaseChanged?.(tx, m.id, { from: change.from, to });
				return true;
			});
			if (!claimed) continue;
			changes.push(change);
		} catch (err) {
			// One space's failing hook must not stop the others; the change is retried on the next tick.
			logger().error({ err, spaceId: space.id }, 'phase clock: change not applied');
			continue;
		}
		if (current) {
			await notifyFollowers(
				db,
				{ resourceType: 'space', resourceId: space.id },
				PHASE_CHANGED_NOTIFICATION,
				{ process: space.title, phase: current.title },
				`/processes/${space.slug}`
			).catch((err) => logger().error({ err, spaceId: space.id }, 'phase clock: followers not notified'));
		}
	}
	return changes;
}
