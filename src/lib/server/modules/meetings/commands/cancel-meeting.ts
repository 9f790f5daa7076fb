/** Cancels a meeting with a reason: registered and waiting people and the meeting's followers are told. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { followersOf } from '../../../platform/notifications/follows.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { authorizedMeeting } from '../access.ts';
import { CancelInput } from '../forms.ts';
import { safely } from '../notices.ts';
import { meetingUrl, registrantIds } from '../queries.ts';
import { meetingsMeetings } from '../schema.ts';
import { indexMeeting } from '../search.ts';

export async function cancelMeeting(
	actor: Actor,
	ids: { moduleId: string; meetingId: string },
	input: { reason: string },
	now: Date = new Date()
): Promise<Result<null>> {
	const db = await getDb();
	const { meeting, instance, ctx } = await authorizedMeeting(db, actor, 'manage', ids);
	const form = CancelInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	if (meeting.status === 'cancelled') return invalid({ _form: 'meetings_error_already_cancelled' });
	const cancelled = await db.transaction(async (tx) => {
		const [row] = await tx
			.update(meetingsMeetings)
			.set({
				status: 'cancelled',
				cancelledAt: now,
				cancelReason: form.data.reason,
				sequence: sql`${meetingsMeetings.sequence} + 1`
			})
			.where(and(eq(meetingsMeetings.id, meeting.id), inArray(meetingsMeetings.status, ['draft', 'published'])))
			.returning();
		if (!row) return null;
		await recordAction(tx, actor, {
			action: 'meeting.cancel',
			resourceType: 'meeting',
			resourceId: row.id,
			spaceId: instance.spaceId,
			data: { moduleId: ids.moduleId, reason: form.data.reason, wasPublished: meeting.status === 'published' }
		});
		return row;
	});
	if (!cancelled) return invalid({ _form: 'meetings_error_already_cancelled' });
	await indexMeeting(db, cancelled);
	if (meeting.status === 'published') {
		const people = new Set([
			...(await registrantIds(db, meeting.id)),
			...(await followersOf(db, { resourceType: 'meeting', resourceId: meeting.id }))
		]);
		if (actor.kind === 'user') people.delete(actor.id);
		await safely('cancellation', { meetingId: meeting.id }, () =>
			notify(db, {
				userIds: [...people],
				key: 'meetings_notification_cancelled',
				data: { meeting: meeting.title, reason: form.data.reason },
				link: meetingUrl(ctx.space.slug, ids.moduleId, meeting.id)
			})
		);
	}
	return ok(null);
}
