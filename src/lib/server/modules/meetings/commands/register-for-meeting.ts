/**
 * Registers the actor for a meeting: a seat while there is one, else a place on the waiting list; optionally as a
 * speaker with the point they will make (when the meeting takes speakers, within its speaker slots, in order of
 * registration). The meeting row is locked for the count, so concurrent registrations never exceed capacity; the
 * unique (meeting, person) key means a repeated submission never registers anyone twice.
 */
import { randomInt } from 'node:crypto';
import { and, count, eq, inArray, isNotNull } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { ForbiddenError, invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { authorizedMeeting } from '../access.ts';
import { SpeakerInput } from '../forms.ts';
import { sendRegistrationConfirmation } from '../notices.ts';
import { meetingIcsUrl, meetingUrl } from '../queries.ts';
import { hasSeat, registrationCode, registrationState } from '../rules.ts';
import { meetingsRegistrations } from '../schema.ts';
import { lockMeeting, seatsTaken } from '../waiting-list.ts';

export interface RegistrationOutcome {
	status: 'registered' | 'waiting';
	code: string;
	speaker: boolean;
	/** False when the person was already registered (a repeated submission). */
	created: boolean;
}

export async function registerForMeeting(
	actor: Actor,
	ids: { moduleId: string; meetingId: string },
	input: { speakerPoint?: string } = {},
	now: Date = new Date()
): Promise<Result<RegistrationOutcome>> {
	const db = await getDb();
	const { meeting, ctx } = await authorizedMeeting(db, actor, 'register', ids);
	if (!isUser(actor)) throw new ForbiddenError('sign_in_required');
	const state = registrationState(meeting, now);
	if (state !== 'open') return invalid({ _form: `meetings_registration_${state}` });
	const wantsToSpeak = !!input.speakerPoint?.trim();
	let point: string | null = null;
	if (wantsToSpeak) {
		if (!meeting.speakerRegistration) return invalid({ speakerPoint: 'meetings_error_no_speakers' });
		const parsed = SpeakerInput.safeParse({ point: input.speakerPoint });
		if (!parsed.success) return invalid({ speakerPoint: parsed.error.issues[0].message });
		point = parsed.data.point;
	}
	const outcome = await db.transaction(async (tx): Promise<Result<RegistrationOutcome>> => {
		const locked = await lockMeeting(tx, meeting.id);
		if (!locked || registrationState(locked, now) !== 'open') throw new NotFoundError('meeting');
		const [existing] = await tx
			.select()
			.from(meetingsRegistrations)
			.where(and(eq(meetingsRegistrations.meetingId, meeting.id), eq(meetingsRegistrations.userId, actor.id)));
		const active = existing && existing.status !== 'cancelled';
		if (point && !(active && existing.speakerPoint)) {
			const [speakers] = await tx
				.select({ n: count() })
				.from(meetingsRegistrations)
				.where(
					and(
						eq(meetingsRegistrations.meetingId, meeting.id),
						inArray(meetingsRegistrations.status, ['registered', 'waiting']),
						isNotNull(meetingsRegistrations.speakerPoint)
					)
				);
			if (locked.speakerSlots !== null && speakers.n >= locked.speakerSlots)
				return invalid({ speakerPoint: 'meetings_error_speaker_slots_full' });
		}
		const speakerColumns = point ? { speakerPoint: point, speakerSince: now } : {};
		if (active) {
			if (point && !existing.speakerPoint)
				await tx.update(meetingsRegistrations).set(speakerColumns).where(eq(meetingsRegistrations.id, existing.id));
			return ok({
				status: existing.status as 'registered' | 'waiting',
				code: existing.code,
				speaker: !!(existing.speakerPoint || point),
				created: false
			});
		}
		const status = hasSeat(locked.capacity, await seatsTaken(tx, meeting.id)) ? 'registered' : 'waiting';
		const values = {
			status,
			waitingSince: status === 'waiting' ? now : null,
			speakerPoint: point,
			speakerSince: point ? now : null,
			cancelledAt: null,
			promotedAt: null,
			reminderSentAt: null
		};
		if (existing) {
			await tx.update(meetingsRegistrations).set(values).where(eq(meetingsRegistrations.id, existing.id));
			return ok({ status, code: existing.code, speaker: !!point, created: true });
		}
		const code = registrationCode(randomInt);
		await tx.insert(meetingsRegistrations).values({ meetingId: meeting.id, userId: actor.id, code, ...values });
		return ok({ status, code, speaker: !!point, created: true });
	});
	if (outcome.ok && outcome.value.created)
		await sendRegistrationConfirmation(db, {
			userId: actor.id,
			meeting,
			url: meetingUrl(ctx.space.slug, ids.moduleId, meeting.id),
			icsUrl: meetingIcsUrl(meeting.id),
			code: outcome.value.code,
			waiting: outcome.value.status === 'waiting'
		});
	return outcome;
}
