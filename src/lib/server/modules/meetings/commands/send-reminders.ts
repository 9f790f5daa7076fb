/**
 * The day-before reminder (a background job, hourly): each registered person of a published meeting starting in
 * the next 24 hours is reminded once. The claim (`reminder_sent_at is null` → now) is one UPDATE, so overlapping
 * runs or a retry never remind anyone twice.
 */
import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type { Db } from '../../../platform/db/index.ts';
import { moduleInstances, spaces } from '../../../platform/db/schema.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { meetingUrl } from '../queries.ts';
import { meetingsMeetings, meetingsRegistrations } from '../schema.ts';

export const REMINDER_JOB = 'meetings.reminders';
const DAY = 86_400_000;

export async function sendMeetingReminders(db: Db, now: Date = new Date()): Promise<{ reminded: number }> {
	const due = await db
		.select({ meeting: meetingsMeetings, spaceSlug: spaces.slug })
		.from(meetingsMeetings)
		.innerJoin(moduleInstances, eq(moduleInstances.id, meetingsMeetings.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(
			and(
				eq(meetingsMeetings.status, 'published'),
				gt(meetingsMeetings.startsAt, now),
				lte(meetingsMeetings.startsAt, new Date(now.getTime() + DAY))
			)
		);
	let reminded = 0;
	for (const { meeting, spaceSlug } of due) {
		const claimed = await db
			.update(meetingsRegistrations)
			.set({ reminderSentAt: now })
			.where(
				and(
					eq(meetingsRegistrations.meetingId, meeting.id),
					eq(meetingsRegistrations.status, 'registered'),
					isNull(meetingsRegistrations.reminderSentAt)
				)
			)
			.returning({ userId: meetingsRegistrations.userId });
		const userIds = claimed.map((c) => c.userId).filter((id): id is string => !!id);
		if (!userIds.length) continue;
		try {
			await notify(db, {
				userIds,
				key: 'meetings_notification_reminder',
				data: { meeting: meeting.title },
				link: meetingUrl(spaceSlug, meeting.moduleId, meeting.id)
			});
			reminded += userIds.length;
		} catch (err) {
			// Release the claim so the next run tries again.
			await db
				.update(meetingsRegistrations)
				.set({ reminderSentAt: null })
				.where(
					and(
						eq(meetingsRegistrations.meetingId, meeting.id),
						inArray(meetingsRegistrations.userId, userIds),
						eq(meetingsRegistrations.reminderSentAt, now)
					)
				);
			throw err;
		}
	}
	return { reminded };
}
