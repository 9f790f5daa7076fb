/** Keeps phase positions equal to their order by date (0, 1, 2…), after any change to a space's phases. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { phases } from '../db/schema.ts';

export async function renumberPhases(db: Db, spaceId: string): Promise<void> {
	const rows = await db
		.select({ id: phases.id, position: phases.position })
		.from(phases)
		.where(eq(phases.spaceId, spaceId))
		.orderBy(asc(phases.startsOn), asc(phases.position));
	for (const [i, row] of rows.entries()) {
		if (row.position !== i) await db.update(phases).set({ position: i }).where(eq(phases.id, row.id));
	}
}
