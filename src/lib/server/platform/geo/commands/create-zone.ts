/** Creates a zone (e.g. a participatory-budgeting zone) from a name and a set of neighbourhoods. */
import { inArray } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb, type Db } from '../../db/index.ts';
import { neighbourhoods, zoneNeighbourhoods, zones } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { parsePlaceName } from '../place-name.ts';
import { uniqueSlug } from '../unique-slug.ts';

export async function createZone(
	actor: Actor,
	input: Record<string, unknown>,
	neighbourhoodIds: string[] = []
): Promise<Result<{ id: string }>> {
	authorize(canAdmin(actor, 'zones.manage'));
	const name = parsePlaceName(input);
	if (!name.ok) return name;
	const db = await getDb();
	return db.transaction(async (tx) => {
		const ids = await existingNeighbourhoods(tx, neighbourhoodIds);
		if (ids.length !== new Set(neighbourhoodIds).size)
			return invalid({ neighbourhoods: 'admin_zone_unknown_neighbourhood' });
		const slug = await uniqueSlug(tx, zones, name.value.ro);
		const [created] = await tx.insert(zones).values({ slug, name: name.value }).returning({ id: zones.id });
		if (ids.length)
			await tx.insert(zoneNeighbourhoods).values(ids.map((n) => ({ zoneId: created.id, neighbourhoodId: n })));
		await recordAction(tx, actor, {
			action: 'zone.create',
			resourceType: 'zone',
			resourceId: created.id,
			data: { name: name.value, neighbourhoodIds: ids }
		});
		return ok({ id: created.id });
	});
}

export async function existingNeighbourhoods(db: Db, ids: string[]): Promise<string[]> {
	if (!ids.length) return [];
	const rows = await db.select({ id: neighbourhoods.id }).from(neighbourhoods).where(inArray(neighbourhoods.id, ids));
	return rows.map((r) => r.id);
}
