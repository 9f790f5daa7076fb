/** Read models for places: neighbourhoods and zones (names are public; editing views need `*.manage`). */
import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../actors/actor.ts';
import { getDb } from '../db/index.ts';
import { neighbourhoods, zoneNeighbourhoods, zones } from '../db/schema.ts';
import { authorize } from '../permissions/index.ts';
import { canAdmin } from '../permissions/admin-policy.ts';
import { NotFoundError } from '../result.ts';

/** Every neighbourhood with the zones it belongs to and whether it has a boundary. */
export async function listNeighbourhoodsForAdmin(actor: Actor) {
	authorize(canAdmin(actor, 'neighbourhoods.manage'));
	const db = await getDb();
	const rows = await db
		.select({
			id: neighbourhoods.id,
			slug: neighbourhoods.slug,
			name: neighbourhoods.name,
			hasBoundary: sql<boolean>`${neighbourhoods.geometry} IS NOT NULL`,
			// Written with explicit aliases: drizzle leaves columns unqualified in a single-table select.
			zoneNames: sql<
				{ ro: string }[]
			>`coalesce((select json_agg(z.name order by z.slug) from zone_neighbourhoods zn join zones z on z.id = zn.zone_id where zn.neighbourhood_id = "neighbourhoods"."id"), '[]'::json)`
		})
		.from(neighbourhoods)
		.orderBy(asc(neighbourhoods.slug));
	return rows;
}

/** One neighbourhood with its boundary, for the edit page and the map. */
export async function getNeighbourhood(actor: Actor, id: string) {
	authorize(canAdmin(actor, 'neighbourhoods.manage'));
	const db = await getDb();
	const [row] = await db.select().from(neighbourhoods).where(eq(neighbourhoods.id, id));
	if (!row) throw new NotFoundError('neighbourhood');
	return row;
}

/** Every zone with its number of neighbourhoods. */
export async function listZones(actor: Actor) {
	authorize(canAdmin(actor, 'zones.manage'));
	const db = await getDb();
	return db
		.select({
			id: zones.id,
			slug: zones.slug,
			name: zones.name,
			neighbourhoods: sql<number>`(select count(*)::int from ${zoneNeighbourhoods} where ${zoneNeighbourhoods.zoneId} = ${zones.id})`
		})
		.from(zones)
		.orderBy(asc(zones.slug));
}

/** One zone, the ids of its neighbourhoods, and every neighbourhood to choose from. */
export async function getZone(actor: Actor, id: string) {
	authorize(canAdmin(actor, 'zones.manage'));
	const db = await getDb();
	const [zone] = await db.select().from(zones).where(eq(zones.id, id));
	if (!zone) throw new NotFoundError('zone');
	const [members, all] = await Promise.all([
		db
			.select({ id: zoneNeighbourhoods.neighbourhoodId })
			.from(zoneNeighbourhoods)
			.where(eq(zoneNeighbourhoods.zoneId, id)),
		db
			.select({ id: neighbourhoods.id, slug: neighbourhoods.slug, name: neighbourhoods.name })
			.from(neighbourhoods)
			.orderBy(asc(neighbourhoods.slug))
	]);
	return { zone, neighbourhoodIds: members.map((m) => m.id), neighbourhoods: all };
}

/** The neighbourhoods to choose from when creating a zone. */
export async function getZoneChoices(actor: Actor) {
	authorize(canAdmin(actor, 'zones.manage'));
	const db = await getDb();
	return db
		.select({ id: neighbourhoods.id, slug: neighbourhoods.slug, name: neighbourhoods.name })
		.from(neighbourhoods)
		.orderBy(asc(neighbourhoods.slug));
}
