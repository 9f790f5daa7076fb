/**
 * Publishes a draft meeting and tells the process's followers. A public meeting must be announced at least 3 days
 * before it is held (Law 52/2003 art. 8): a later publication is refused unless staff give a reason, which is kept
 * on the meeting and in the audit log.
 */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { notifyFollowers } from '../../../platform/notifications/follows.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { authorizedMeeting } from '../access.ts';
import { OverrideInput } from '../forms.ts';
import { safely } from '../notices.ts';
import { meetingUrl } from '../queries.ts';
import { noticeCheck } from '../rules.ts';
import { meetingsMeetings } from '../schema.ts';
import { indexMeeting } from '../search.ts';

export async function publishMeeting(
	actor: Actor,
	ids: { moduleId: string; meetingId: string },
	input: { overrideReason?: string } = {},
	now: Date = new Date()
): Promise<Result<{ noticeOverridden: boolean }>> {
	const db = await getDb();
	const { meeting, instance, ctx } = await authorizedMeeting(db, actor, 'manage', ids);
	const form = OverrideInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	if (meeting.status !== 'draft') return invalid({ _form: 'meetings_error_not_draft' });
	if (meeting.startsAt <= now) return invalid({ _form: 'meetings_error_in_the_past' });
	const notice = noticeCheck(meeting.startsAt, now);
	const override = meeting.isPublic && !notice.onTime ? form.data.overrideReason : undefined;
	if (meeting.isPublic && !notice.onTime && !override)
		return invalid({ overrideReason: 'meetings_error_notice_too_short' });
	const published = await db.transaction(async (tx) => {
		const [row] = await tx
			.update(meetingsMeetings)
			.set({ status: 'published', publishedAt: now, noticeOverrideReason: override ?? null })
			.where(and(eq(meetingsMeetings.id, meeting.id), eq(meetingsMeetings.status, 'draft')))
			.returning();
		if (!row) return null;
		await recordAction(tx, actor, {
			action: override ? 'meeting.publish_with_short_notice' : 'meeting.publish',
			resourceType: 'meeting',
			resourceId: row.id,
			spaceId: instance.spaceId,
			data: {
				moduleId: ids.moduleId,
				isPublic: row.isPublic,
				rule: notice.rule,
				lastDayToAnnounce: notice.lastDayToAnnounce,
				...(override ? { overrideReason: override } : {})
			}
		});
		return row;
	});
	// A concurrent publication won the race: nothing more to do (and nobody is told twice).
	if (!published) return invalid({ _form: 'meetings_error_not_draft' });
	await indexMeeting(db, published);
	if (ctx.space.status === 'published' && instance.published)
		await safely('new meeting notice', { meetingId: published.id }, () =>
			notifyFollowers(
				db,
				{ resourceType: 'space', resourceId: instance.spaceId },
				'meetings_notification_new_meeting',
				{ meeting: published.title },
				meetingUrl(ctx.space.slug, ids.moduleId, published.id),
				{ except: actor.kind === 'user' ? [actor.id] : [] }
			)
		);
	return ok({ noticeOverridden: !!override });
}
