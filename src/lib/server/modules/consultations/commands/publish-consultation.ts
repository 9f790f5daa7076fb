/**
 * Publishes the announcement: the publication date is today (Europe/Bucharest), and the chosen dates are checked
 * against Law 52/2003 (≥ 10 days for recommendations, ≥ 30 working days before approval). A shorter period needs a
 * reason, which is audit-logged and shown publicly. The module becomes public with it.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { todayInBucharest, type IsoDate } from '../../../platform/calendar/index.ts';
import { getDb } from '../../../platform/db/index.ts';
import { moduleInstances } from '../../../platform/db/schema.ts';
import { logger } from '../../../platform/log.ts';
import { can } from '../../../platform/modules/runtime.ts';
import { notifyFollowers } from '../../../platform/notifications/follows.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { PublishInput } from '../forms.ts';
import { loadConsultation } from '../load.ts';
import { consultations } from '../manifest.ts';
import { consultationUrl } from '../queries.ts';
import { checkChosenDates } from '../rules.ts';
import { consultationsConsultations } from '../schema.ts';
import { indexConsultation } from '../search.ts';

export async function publishConsultation(
	actor: Actor,
	{ moduleId, today = todayInBucharest() }: { moduleId: string; today?: IsoDate },
	input: PublishInput
): Promise<Result<{ publishedOn: IsoDate; shortened: boolean }>> {
	const db = await getDb();
	const { ctx, instance, consultation } = await loadConsultation(db, moduleId);
	authorize(can(actor, 'manage', ctx, consultations));
	if (consultation.publishedOn) return invalid({ _form: 'consultations_error_already_published' });
	if (!consultation.draftTitle.ro || !consultation.draftText.ro || !consultation.explanatoryNote.ro)
		return invalid({ _form: 'consultations_error_announcement_incomplete' });
	const form = PublishInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const checked = checkChosenDates(today, form.data);
	if (!checked.ok) return invalid(checked.errors);
	const reason = checked.shortened ? form.data.shortenedReason.trim() : null;
	const published = await db.transaction(async (tx) => {
		// Guarded by `published_on is null`: two publications at once set the dates once.
		const rows = await tx
			.update(consultationsConsultations)
			.set({
				publishedOn: today,
				recommendationsCloseOn: form.data.recommendationsCloseOn,
				approvalOn: form.data.approvalOn,
				shortenedReason: reason
			})
			.where(and(eq(consultationsConsultations.id, consultation.id), isNull(consultationsConsultations.publishedOn)))
			.returning({ id: consultationsConsultations.id });
		if (!rows.length) return false;
		await tx.update(moduleInstances).set({ published: true }).where(eq(moduleInstances.id, moduleId));
		await recordAction(tx, actor, {
			action: checked.shortened ? 'consultation.publish_shortened' : 'consultation.publish',
			resourceType: 'consultation',
			resourceId: consultation.id,
			spaceId: instance.spaceId,
			data: { moduleId, publishedOn: today, ...form.data, shortenedReason: reason }
		});
		return true;
	});
	if (!published) return invalid({ _form: 'consultations_error_already_published' });
	await indexConsultation(db, moduleId);
	if (ctx.space.status === 'published')
		await notifyFollowers(
			db,
			{ resourceType: 'space', resourceId: instance.spaceId },
			'consultations_notification_published',
			{ title: consultation.draftTitle, date: form.data.recommendationsCloseOn },
			consultationUrl(ctx.space.slug, moduleId)
		).catch((err) => logger().error({ err, moduleId }, 'consultations: followers not notified'));
	return ok({ publishedOn: today, shortened: checked.shortened });
}
