/** The actor stops following a resource (idempotent: not following already is fine). */
import { and, eq } from 'drizzle-orm';
import { isUser, type Actor } from '../../actors/actor.ts';
import { getDb } from '../../db/index.ts';
import { follows } from '../../db/schema.ts';
import { authorize, decide } from '../../permissions/index.ts';
import { ok } from '../../result.ts';
import type { FollowedResource } from '../follows.ts';

export async function unfollow(actor: Actor, resource: FollowedResource) {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const userId = (actor as Extract<Actor, { kind: 'user' }>).id;
	const db = await getDb();
	await db
		.delete(follows)
		.where(
			and(
				eq(follows.userId, userId),
				eq(follows.resourceType, resource.resourceType),
				eq(follows.resourceId, resource.resourceId)
			)
		);
	return ok({ following: false });
}
