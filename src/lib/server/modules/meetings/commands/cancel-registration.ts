/**
 * Cancels the actor's registration. A freed seat goes to the first person on the waiting list, who is told; the
 * meeting row is locked so two cancellations never promote the same person or more people than seats.
 */
import { eq } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { ForbiddenError, invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { authorizedMeeting } from '../access.ts';
import { safely } from '../notices.ts';
import { findRegistration, meetingUrl } from '../queries.ts';
import { meetingsRegistrations } from '../schema.ts';
import { lockMeeting, promoteWaiting } from '../waiting-list.ts';

export async function cancelRegistration(
	actor: Actor,
	ids: { moduleId: string; meetingId: string },
	now: Date = new Date()
): Promise<Result<{ promoted: number }>> {
	const db = await getDb();
	const { meeting, ctx } = await authorizedMeeting(db, actor, 'read', ids);
	if (!isUser(actor)) throw new ForbiddenError('sign_in_required');
	if (meeting.startsAt <= now) return invalid({ _form: 'meetings_registration_past' });
	const promoted = await db.transaction(async (tx) => {
		const locked = await lockMeeting(tx, meeting.id);
		if (!locked) throw new NotFoundError('meeting');
		const mine = await findRegistration(tx, meeting.id, actor.id);
		if (!mine || mine.status === 'cancelled') return null;
		await tx
			.update(meetingsRegistrations)
			.set({ status: 'cancelled', cancelledAt: now, waitingSince: null, speakerPoint: null, speakerSince: null })
			.where(eq(meetingsRegistrations.id, mine.id));
		return locked.status === 'published' ? promoteWaiting(tx, meeting.id, locked.capacity, now) : [];
	});
	if (promoted === null) return invalid({ _form: 'meetings_error_not_registered' });
	if (promoted.length)
		await safely('promotion', { meetingId: meeting.id }, () =>
			notify(db, {
				userIds: promoted.map((r) => r.userId).filter((id): id is string => !!id),
				key: 'meetings_notification_promoted',
				data: { meeting: meeting.title },
				link: meetingUrl(ctx.space.slug, ids.moduleId, meeting.id)
			})
		);
	return ok({ promoted: promoted.length });
}
