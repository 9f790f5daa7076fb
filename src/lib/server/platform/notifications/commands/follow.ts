/** The actor follows a resource (idempotent); the resource type must be followable and the record must exist. */
import { isUser, type Actor } from '../../actors/actor.ts';
import { getDb } from '../../db/index.ts';
import { follows } from '../../db/schema.ts';
import { authorize, decide } from '../../permissions/index.ts';
import { NotFoundError, ok } from '../../result.ts';
import { followableCheck, type FollowedResource } from '../follows.ts';

export async function follow(actor: Actor, resource: FollowedResource) {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const userId = (actor as Extract<Actor, { kind: 'user' }>).id;
	const db = await getDb();
	const check = followableCheck(resource.resourceType);
	if (!check || !resource.resourceId || !(await check(db, resource.resourceId)))
		throw new NotFoundError(resource.resourceType);
	await db
		.insert(follows)
		.values({ userId, resourceType: resource.resourceType, resourceId: resource.resourceId })
		.onConflictDoNothing();
	return ok({ following: true });
}
