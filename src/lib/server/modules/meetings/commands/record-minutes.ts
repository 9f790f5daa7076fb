/**
 * After a meeting is held, staff record its minutes (Markdown per locale, and optionally the signed document as a
 * file) and how many people attended. A new file replaces the previous one; no file keeps it.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { storeUpload } from '../../../platform/files/commands/store-upload.ts';
import { getDb } from '../../../platform/db/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { cleanTranslated, fieldErrors } from '../../../platform/spaces/forms.ts';
import { authorizedMeeting } from '../access.ts';
import { MinutesInput } from '../forms.ts';
import { meetingsMeetings } from '../schema.ts';
import { indexMeeting } from '../search.ts';

export async function recordMinutes(
	actor: Actor,
	ids: { moduleId: string; meetingId: string },
	input: MinutesInput,
	now: Date = new Date(),
	file?: File | null
): Promise<Result<null>> {
	const db = await getDb();
	const { meeting, instance } = await authorizedMeeting(db, actor, 'manage', ids);
	const form = MinutesInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	if (meeting.status !== 'published' || meeting.startsAt > now)
		return invalid({ _form: 'meetings_error_minutes_before_meeting' });
	const minutes = form.data.minutes.ro ? cleanTranslated(form.data.minutes) : null;
	let fileId = meeting.minutesFileId;
	if (file && file.size > 0) {
		const stored = await storeUpload(actor, file, {
			accept: 'document',
			extensions: ['pdf', 'odt', 'docx'],
			field: 'minutesFile'
		});
		if (!stored.ok) return stored;
		fileId = stored.value.id;
	}
	const updated = await db.transaction(async (tx) => {
		const [row] = await tx
			.update(meetingsMeetings)
			.set({
				minutes,
				minutesFileId: fileId,
				attendanceCount: form.data.attendanceCount ?? null,
				updatedBy: actor.kind === 'user' ? actor.id : null
			})
			.where(eq(meetingsMeetings.id, meeting.id))
			.returning();
		await recordAction(tx, actor, {
			action: 'meeting.record_minutes',
			resourceType: 'meeting',
			resourceId: meeting.id,
			spaceId: instance.spaceId,
			data: {
				moduleId: ids.moduleId,
				attendanceCount: row.attendanceCount,
				hasMinutes: !!minutes,
				minutesFileId: fileId
			}
		});
		return row;
	});
	await indexMeeting(db, updated);
	return ok(null);
}
