/**
 * Changes a meeting. More seats move people up from the waiting list (in order, notified); fewer seats never push
 * out anyone already registered. Calendar clients see the change through a higher SEQUENCE.
 */
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { authorizedMeeting } from '../access.ts';
import { parseMeeting, type MeetingInput } from '../forms.ts';
import { safely } from '../notices.ts';
import { meetingUrl } from '../queries.ts';
import { meetingsMeetings } from '../schema.ts';
import { indexMeeting } from '../search.ts';
import { lockMeeting, promoteWaiting } from '../waiting-list.ts';
import { meetingColumns } from './create-meeting.ts';

export async function updateMeeting(
	actor: Actor,
	ids: { moduleId: string; meetingId: string },
	input: MeetingInput,
	now: Date = new Date()
): Promise<Result<null>> {
	const db = await getDb();
	const { instance, ctx } = await authorizedMeeting(db, actor, 'manage', ids);
	const form = await parseMeeting(db, input);
	if (!form.ok) return form;
	const { meeting, promoted } = await db.transaction(async (tx) => {
		const locked = await lockMeeting(tx, ids.meetingId);
		if (!locked) throw new NotFoundError('meeting');
		const [row] = await tx
			.update(meetingsMeetings)
			.set({
				...meetingColumns(form.value),
				sequence: sql`${meetingsMeetings.sequence} + 1`,
				updatedBy: actor.kind === 'user' ? actor.id : null
			})
			.where(eq(meetingsMeetings.id, ids.meetingId))
			.returning();
		const moved = row.status === 'published' ? await promoteWaiting(tx, row.id, row.capacity, now) : [];
		await recordAction(tx, actor, {
			action: 'meeting.update',
			resourceType: 'meeting',
			resourceId: row.id,
			spaceId: instance.spaceId,
			data: { moduleId: ids.moduleId, promoted: moved.length }
		});
		return { meeting: row, promoted: moved };
	});
	await indexMeeting(db, meeting);
	if (promoted.length)
		await safely('promotion', { meetingId: meeting.id }, () =>
			notify(db, {
				userIds: promoted.map((r) => r.userId).filter((id): id is string => !!id),
				key: 'meetings_notification_promoted',
				data: { meeting: meeting.title },
				link: meetingUrl(ctx.space.slug, ids.moduleId, meeting.id)
			})
		);
	return ok(null);
}
