/** Marks all of the actor's unread notifications as read. */
import { and, eq, isNull } from 'drizzle-orm';
import { isUser, type Actor } from '../../actors/actor.ts';
import { getDb } from '../../db/index.ts';
import { notifications } from '../../db/schema.ts';
import { authorize, decide } from '../../permissions/index.ts';
import { ok } from '../../result.ts';

export async function markAllNotificationsRead(actor: Actor) {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const userId = (actor as Extract<Actor, { kind: 'user' }>).id;
	const db = await getDb();
	const updated = await db
		.update(notifications)
		.set({ readAt: new Date() })
		.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
		.returning({ id: notifications.id });
	return ok({ count: updated.length });
}
