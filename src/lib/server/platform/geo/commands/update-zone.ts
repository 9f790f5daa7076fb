/** Renames a zone and sets which neighbourhoods it groups. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { zoneNeighbourhoods, zones } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { parsePlaceName } from '../place-name.ts';
import { existingNeighbourhoods } from './create-zone.ts';

export async function updateZone(
	actor: Actor,
	id: string,
	input: Record<string, unknown>,
	neighbourhoodIds: string[]
): Promise<Result<{ id: string }>> {
	authorize(canAdmin(actor, 'zones.manage'));
	const name = parsePlaceName(input);
	if (!name.ok) return name;
	const db = await getDb();
	return db.transaction(async (tx) => {
		const [zone] = await tx.select().from(zones).where(eq(zones.id, id));
		if (!zone) throw new NotFoundError('zone');
		const ids = await existingNeighbourhoods(tx, neighbourhoodIds);
		if (ids.length !== new Set(neighbourhoodIds).size)
			return invalid({ neighbourhoods: 'admin_zone_unknown_neighbourhood' });
		const before = (
			await tx
				.select({ id: zoneNeighbourhoods.neighbourhoodId })
				.from(zoneNeighbourhoods)
				.where(eq(zoneNeighbourhoods.zoneId, id))
		).map((r) => r.id);
		await tx.update(zones).set({ name: name.value }).where(eq(zones.id, id));
		await tx.delete(zoneNeighbourhoods).where(eq(zoneNeighbourhoods.zoneId, id));
		if (ids.length) await tx.insert(zoneNeighbourhoods).values(ids.map((n) => ({ zoneId: id, neighbourhoodId: n })));
		await recordAction(tx, actor, {
			action: 'zone.update',
			resourceType: 'zone',
			resourceId: id,
			data: {
				name: name.value,
				added: ids.filter((n) => !before.includes(n)),
				removed: before.filter((n) => !ids.includes(n))
			}
		});
		return ok({ id });
	});
}
