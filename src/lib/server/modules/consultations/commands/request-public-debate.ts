/**
 * A verified association or public authority asks in writing for a public debate on the draft (Law 52/2003
 * art. 7(9)). The request is recorded once per organisation account (a repeated submission returns the same
 * request), the 10-day clock starts, and the space's administrators are told.
 */
import type { Actor } from '../../../platform/actors/actor.ts';
import { todayInBucharest, type IsoDate } from '../../../platform/calendar/index.ts';
import { getDb } from '../../../platform/db/index.ts';
import { logger } from '../../../platform/log.ts';
import { can } from '../../../platform/modules/runtime.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { authorize, decide } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { DebateRequestInput } from '../forms.ts';
import { loadConsultation } from '../load.ts';
import { consultations } from '../manifest.ts';
import { organisationOf, spaceAdminIds } from '../queries.ts';
import { consultationStatus } from '../rules.ts';
import { consultationsDebateRequests } from '../schema.ts';
import { and, eq } from 'drizzle-orm';

export async function requestPublicDebate(
	actor: Actor,
	{ moduleId, today = todayInBucharest() }: { moduleId: string; today?: IsoDate },
	input: DebateRequestInput
): Promise<Result<{ id: string; created: boolean }>> {
	const db = await getDb();
	const { ctx, instance, consultation } = await loadConsultation(db, moduleId);
	authorize(can(actor, 'request_debate', ctx, consultations));
	const status = consultationStatus(consultation, today);
	authorize(decide(status === 'open' || status === 'closed', 'consultations_debate_not_possible'));
	if (actor.kind !== 'user') throw new Error('unreachable: request_debate requires a user');
	const form = DebateRequestInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const organisation = await organisationOf(db, actor.id);
	const [created] = await db
		.insert(consultationsDebateRequests)
		.values({
			consultationId: consultation.id,
			requesterId: actor.id,
			organisationName: organisation?.name || actor.name,
			organisationRegistration: organisation?.registration ?? '',
			reason: form.data.reason,
			requestedOn: today
		})
		.onConflictDoNothing()
		.returning({ id: consultationsDebateRequests.id });
	if (!created) {
		const [existing] = await db
			.select({ id: consultationsDebateRequests.id })
			.from(consultationsDebateRequests)
			.where(
				and(
					eq(consultationsDebateRequests.consultationId, consultation.id),
					eq(consultationsDebateRequests.requesterId, actor.id)
				)
			);
		return ok({ id: existing.id, created: false });
	}
	await notify(db, {
		userIds: await spaceAdminIds(db, instance.spaceId),
		key: 'consultations_notification_debate_requested',
		data: { organisation: organisation?.name || actor.name, title: consultation.draftTitle },
		link: `/admin/processes/${instance.spaceId}/consultations/${moduleId}`
	}).catch((err) => logger().error({ err, moduleId }, 'consultations: admins not notified of a debate request'));
	return ok({ id: created.id, created: true });
}
