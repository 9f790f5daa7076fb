/** The public neighbourhood pages: every neighbourhood on a map, and one neighbourhood with what happens there. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { spaceKinds } from '../spaces/forms.ts';
import type { Actor } from '../actors/actor.ts';
import { getDb } from '../db/index.ts';
import { neighbourhoods, spaces } from '../db/schema.ts';
import { isFollowing } from '../notifications/follows.ts';
import { NotFoundError } from '../result.ts';
import { NEIGHBOURHOOD_FOLLOWABLE } from './neighbourhood-follows.ts';
import { neighbourhoodItems } from './neighbourhood-items.ts';
import { centroidOf } from './point-in-polygon.ts';

/** Every neighbourhood, with a point to pin it by when it has a boundary. */
export async function viewNeighbourhoods() {
	const db = await getDb();
	const rows = await db.select().from(neighbourhoods).orderBy(asc(neighbourhoods.slug));
	return rows.map((n) => {
		const c = n.geometry ? centroidOf(n.geometry) : null;
		return { id: n.id, slug: n.slug, name: n.name, lat: c ? c[1] : null, lng: c ? c[0] : null };
	});
}

/** One neighbourhood: its published processes, what modules placed there, and whether the reader follows it. */
export async function viewNeighbourhood(actor: Actor, slug: string) {
	const db = await getDb();
	const [n] = await db.select().from(neighbourhoods).where(eq(neighbourhoods.slug, slug));
	if (!n) throw new NotFoundError('neighbourhood');
	const [processes, groups, following] = await Promise.all([
		db
			.select({ id: spaces.id, slug: spaces.slug, title: spaces.title, summary: spaces.summary })
			.from(spaces)
			.where(
				and(eq(spaces.neighbourhoodId, n.id), eq(spaces.status, 'published'), inArray(spaces.kind, [...spaceKinds]))
			)
			.orderBy(asc(spaces.slug)),
		neighbourhoodItems(db, n.id),
		isFollowing(actor, { resourceType: NEIGHBOURHOOD_FOLLOWABLE, resourceId: n.id })
	]);
	return {
		neighbourhood: { id: n.id, slug: n.slug, name: n.name, hasBoundary: n.geometry !== null },
		processes,
		groups: groups.filter((g) => g.items.length > 0),
		following
	};
}
