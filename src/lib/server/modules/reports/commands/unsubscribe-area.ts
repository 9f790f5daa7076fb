/** A person ends one of their area subscriptions (its e-mails and its feed stop). Someone else's is not found. */
import { and, eq } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize, decide } from '../../../platform/permissions/index.ts';
import { NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { reportsSubscriptions } from '../schema.ts';

export async function unsubscribeArea(actor: Actor, subscriptionId: string): Promise<Result<null>> {
	authorize(decide(isUser(actor), 'sign_in_required'));
	if (!isUser(actor)) throw new Error('unreachable');
	const db = await getDb();
	const removed = await db
		.delete(reportsSubscriptions)
		.where(and(eq(reportsSubscriptions.id, subscriptionId), eq(reportsSubscriptions.userId, actor.id)))
		.returning({ id: reportsSubscriptions.id });
	if (!removed.length) throw new NotFoundError('subscription');
	return ok(null);
}
