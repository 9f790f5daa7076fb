/**
 * Creates a meeting from code and, optionally, publishes it: the entry point for other modules (consultations
 * schedule their Law 52/2003 public debates with it). If publishing is refused (e.g. less than 3 days' notice
 * without a reason) the draft is deleted again, so the caller never leaves a half-made meeting behind.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { removeDocuments } from '../../../platform/search/index-documents.ts';
import type { MeetingInput } from '../forms.ts';
import { findMeeting, meetingUrl, meetingWithSpace } from '../queries.ts';
import { meetingsMeetings } from '../schema.ts';
import { createMeeting } from './create-meeting.ts';
import { publishMeeting } from './publish-meeting.ts';

export async function scheduleMeeting(
	actor: Actor,
	input: { moduleId: string; meeting: MeetingInput; publish?: boolean; overrideReason?: string },
	now: Date = new Date()
): Promise<Result<{ id: string; url: string; status: string }>> {
	const created = await createMeeting(actor, { moduleId: input.moduleId }, input.meeting);
	if (!created.ok) return created;
	const ids = { moduleId: input.moduleId, meetingId: created.value.id };
	if (input.publish) {
		const published = await publishMeeting(actor, ids, { overrideReason: input.overrideReason }, now);
		if (!published.ok) {
			const db = await getDb();
			await db.delete(meetingsMeetings).where(eq(meetingsMeetings.id, ids.meetingId));
			await removeDocuments(db, 'meeting', ids.meetingId);
			return published;
		}
	}
	const db = await getDb();
	const row = await meetingWithSpace(db, ids.meetingId);
	const meeting = await findMeeting(db, ids.moduleId, ids.meetingId);
	return ok({
		id: ids.meetingId,
		url: meetingUrl(row!.spaceSlug, ids.moduleId, ids.meetingId),
		status: meeting!.status
	});
}
