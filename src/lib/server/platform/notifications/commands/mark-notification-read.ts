/** Marks one of the actor's notifications as read. */
import { and, eq, isNull } from 'drizzle-orm';
import { isUser, type Actor } from '../../actors/actor.ts';
import { getDb } from '../../db/index.ts';
import { notifications } from '../../db/schema.ts';
import { authorize, decide } from '../../permissions/index.ts';
import { NotFoundError, ok } from '../../result.ts';

export async function markNotificationRead(actor: Actor, notificationId: string) {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const userId = (actor as Extract<Actor, { kind: 'user' }>).id;
	const db = await getDb();
	const mine = and(eq(notifications.id, notificationId), eq(notifications.userId, userId));
	const updated = await db
		.update(notifications)
		.set({ readAt: new Date() })
		.where(and(mine, isNull(notifications.readAt)))
		.returning({ id: notifications.id });
	if (!updated.length) {
		// Already read is fine; someone else's (or no) notification is not found, never "forbidden".
		const [exists] = await db.select({ id: notifications.id }).from(notifications).where(mine);
		if (!exists) throw new NotFoundError('notification');
	}
	return ok({ id: notificationId });
}
