/**
 * Follows: a person follows a resource (a space, a proposal…) and receives its events as notifications.
 * Each followable resource type registers how to check that a record exists and may be followed; the platform
 * knows spaces, modules register their own types (from outside platform/, so this file never imports them).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { isUser, type Actor } from '../actors/actor.ts';
import { getDb, type Db } from '../db/index.ts';
import { preparedQuery } from '../db/prepared.ts';
import { follows, neighbourhoods, spaces, user } from '../db/schema.ts';
import { notify } from './notify.ts';

export interface FollowedResource {
	resourceType: string;
	resourceId: string;
}

/** Says whether the record exists and is visible enough to be followed (e.g. a published space). */
export type FollowableCheck = (db: Db, resourceId: string) => Promise<boolean>;

const followables = new Map<string, FollowableCheck>([
	[
		'space',
		async (db, id) => {
			const [s] = await db.select({ status: spaces.status }).from(spaces).where(eq(spaces.id, id));
			return s?.status === 'published';
		}
	],
	[
		// Neighbourhoods are platform reference data: anyone may follow one (see platform/geo/neighbourhood-follows.ts).
		'neighbourhood',
		async (db, id) => {
			const [n] = await db.select({ id: neighbourhoods.id }).from(neighbourhoods).where(eq(neighbourhoods.id, id));
			return n !== undefined;
		}
	]
]);

export function registerFollowable(resourceType: string, check: FollowableCheck): void {
	followables.set(resourceType, check);
}

export function followableCheck(resourceType: string): FollowableCheck | undefined {
	return followables.get(resourceType);
}

/** Whether the actor follows the resource (always false for anonymous visitors). */
export async function isFollowing(actor: Actor, resource: FollowedResource): Promise<boolean> {
	if (!isUser(actor)) return false;
	const rows = await followingQuery(await getDb()).execute({
		userId: actor.id,
		resourceType: resource.resourceType,
		resourceId: resource.resourceId
	});
	return rows.length > 0;
}

/** On the pages of signed-in visitors (the follow button): prepared. */
const followingQuery = preparedQuery((db: Db) =>
	db
		.select({ userId: follows.userId })
		.from(follows)
		.where(
			and(
				eq(follows.userId, sql.placeholder('userId')),
				eq(follows.resourceType, sql.placeholder('resourceType')),
				eq(follows.resourceId, sql.placeholder('resourceId'))
			)
		)
		.limit(1)
		.prepare('is_following')
);

/** The ids of the people (with live accounts) who follow the resource. */
export async function followersOf(db: Db, resource: FollowedResource): Promise<string[]> {
	const rows = await db
		.select({ userId: follows.userId })
		.from(follows)
		.innerJoin(user, eq(user.id, follows.userId))
		.where(
			and(
				eq(follows.resourceType, resource.resourceType),
				eq(follows.resourceId, resource.resourceId),
				isNull(user.deletedAt)
			)
		);
	return rows.map((r) => r.userId);
}

/**
 * Notifies everyone who follows the resource. `except` leaves out people who should not hear about their own
 * action (usually the actor who caused the event).
 */
export async function notifyFollowers(
	db: Db,
	resource: FollowedResource,
	key: string,
	data: Record<string, unknown> = {},
	link: string | null = null,
	{ except = [] }: { except?: string[] } = {}
): Promise<{ created: number; emailed: number }> {
	const skip = new Set(except);
	const userIds = (await followersOf(db, resource)).filter((id) => !skip.has(id));
	return notify(db, { userIds, key, data, link });
}
