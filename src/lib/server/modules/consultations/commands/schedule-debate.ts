/** Staff schedule a requested public debate (date, time, place; optionally the meeting that takes speaker
 * registration and publishes the rules); the requester and the process's followers are told. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { startOfDayInBucharest } from '../../../platform/calendar/index.ts';
import { getDb } from '../../../platform/db/index.ts';
import { linkResources } from '../../../platform/links/index.ts';
import { logger } from '../../../platform/log.ts';
import { can } from '../../../platform/modules/runtime.ts';
import { notifyFollowers } from '../../../platform/notifications/follows.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { ScheduleDebateInput } from '../forms.ts';
import { loadConsultation } from '../load.ts';
import { consultations } from '../manifest.ts';
import { consultationUrl, findDebateRequest, meetingsModuleOf } from '../queries.ts';
import { scheduleMeeting } from '../../meetings/index.ts';
import { consultationsDebateRequests } from '../schema.ts';

/** The instant of a wall-clock time in Bucharest: midnight there plus the time of day (DST changes at 3–4 am, when
 * no debate is held). */
export function bucharestInstant(date: string, time: string): Date {
	const [h, m] = time.split(':').map(Number);
	return new Date(startOfDayInBucharest(date).getTime() + (h * 60 + m) * 60_000);
}

export async function scheduleDebate(
	actor: Actor,
	{ moduleId }: { moduleId: string },
	input: ScheduleDebateInput
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx, instance, consultation } = await loadConsultation(db, moduleId);
	authorize(can(actor, 'manage', ctx, consultations));
	const form = ScheduleDebateInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const request = await findDebateRequest(db, consultation.id, form.data.requestId);
	if (!request) throw new NotFoundError('debate_request');
	const debateAt = bucharestInstant(form.data.debateOn, form.data.debateTime);
	let meetingId = form.data.meetingId || null;
	// With a meetings module in the space, the debate becomes a published public meeting there, with speaker
	// registration and its rules (Timișoara practice: 3 minutes per speaker, on the draft only).
	const meetingsModuleId = meetingId ? undefined : await meetingsModuleOf(db, instance.spaceId);
	if (meetingsModuleId) {
		const meeting = await scheduleMeeting(actor, {
			moduleId: meetingsModuleId,
			publish: true,
			meeting: {
				title: { ro: `Dezbatere publică: ${consultation.draftTitle.ro}` },
				description: { ro: `Dezbatere publică solicitată de ${request.organisationName} (Legea 52/2003, art. 7).` },
				type: 'in_person',
				address: form.data.debatePlace,
				startsAt: debateAt,
				endsAt: new Date(debateAt.getTime() + 2 * 3_600_000),
				speakerRegistration: true,
				speakerMinutes: 3,
				rules: {
					ro: 'Înscrierea vorbitorilor se face pe această pagină. Fiecare vorbitor are 3 minute și se referă doar la proiect; dezbaterea se încheie după ce au vorbit toți cei înscriși.'
				}
			}
		});
		if (!meeting.ok) return invalid({ debateOn: Object.values(meeting.errors)[0] ?? 'validation_invalid' });
		meetingId = meeting.value.id;
	}
	await db.transaction(async (tx) => {
		await tx
			.update(consultationsDebateRequests)
			.set({ debateAt, debatePlace: form.data.debatePlace, meetingId, scheduledAt: new Date() })
			.where(eq(consultationsDebateRequests.id, request.id));
		if (meetingId)
			await linkResources(
				tx,
				{ resourceType: 'consultation', resourceId: consultation.id },
				{ resourceType: 'meeting', resourceId: meetingId },
				'public_debate',
				{ createdBy: actor.kind === 'user' ? actor.id : null }
			);
		await recordAction(tx, actor, {
			action: 'consultation.debate_schedule',
			resourceType: 'consultation_debate_request',
			resourceId: request.id,
			spaceId: instance.spaceId,
			data: { moduleId, debateAt: debateAt.toISOString(), place: form.data.debatePlace, meetingId }
		});
	});
	const data = {
		title: consultation.draftTitle,
		date: `${form.data.debateOn} ${form.data.debateTime}`,
		place: form.data.debatePlace
	};
	const link = consultationUrl(ctx.space.slug, moduleId);
	try {
		const except = request.requesterId ? [request.requesterId] : [];
		if (request.requesterId)
			await notify(db, { userIds: except, key: 'consultations_notification_debate_scheduled', data, link });
		if (ctx.space.status === 'published')
			await notifyFollowers(
				db,
				{ resourceType: 'space', resourceId: instance.spaceId },
				'consultations_notification_debate_scheduled',
				data,
				link,
				{ except }
			);
	} catch (err) {
		logger().error({ err, moduleId }, 'consultations: debate notification failed');
	}
	return ok(null);
}
