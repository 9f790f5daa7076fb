/** Adds a meeting to a meetings module, as a draft (publishing is a separate step with the Law 52 notice check). */
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { cleanTranslated } from '../../../platform/spaces/forms.ts';
import { authorizedModule } from '../access.ts';
import { parseMeeting, type MeetingData, type MeetingInput } from '../forms.ts';
import { meetingsMeetings } from '../schema.ts';
import { indexMeeting } from '../search.ts';

/** The stored columns of a validated meeting form (shared with update). */
export function meetingColumns(data: MeetingData) {
	const inPerson = data.type !== 'online';
	return {
		title: cleanTranslated(data.title),
		description: cleanTranslated(data.description),
		type: data.type,
		address: inPerson ? (data.address ?? null) : null,
		neighbourhoodId: inPerson ? (data.neighbourhoodId ?? null) : null,
		lat: inPerson ? (data.lat ?? null) : null,
		lng: inPerson ? (data.lng ?? null) : null,
		onlineUrl: data.type === 'in_person' ? null : (data.onlineUrl ?? null),
		startsAt: data.startsAt,
		endsAt: data.endsAt,
		agenda: data.agenda.map((a) => ({
			title: a.title,
			durationMinutes: a.durationMinutes,
			...(a.speaker ? { speaker: a.speaker } : {})
		})),
		capacity: data.capacity ?? null,
		registrationEnabled: data.registrationEnabled,
		registrationOpensAt: data.registrationOpensAt ?? null,
		registrationClosesAt: data.registrationClosesAt ?? null,
		isPublic: data.isPublic,
		speakerRegistration: data.speakerRegistration,
		speakerSlots: data.speakerRegistration ? (data.speakerSlots ?? null) : null,
		speakerMinutes: data.speakerMinutes,
		rules: data.rules && data.rules.ro ? cleanTranslated(data.rules) : null
	};
}

export async function createMeeting(
	actor: Actor,
	{ moduleId }: { moduleId: string },
	input: MeetingInput
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { instance } = await authorizedModule(db, actor, 'manage', moduleId);
	const form = await parseMeeting(db, input);
	if (!form.ok) return form;
	const authorId = actor.kind === 'user' ? actor.id : null;
	const meeting = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(meetingsMeetings)
			.values({ moduleId, ...meetingColumns(form.value), status: 'draft', createdBy: authorId, updatedBy: authorId })
			.returning();
		await recordAction(tx, actor, {
			action: 'meeting.create',
			resourceType: 'meeting',
			resourceId: row.id,
			spaceId: instance.spaceId,
			data: { moduleId, title: row.title.ro, startsAt: row.startsAt.toISOString() }
		});
		return row;
	});
	await indexMeeting(db, meeting);
	return ok({ id: meeting.id });
}
