/**
 * At the end of the consultation staff publish the synthesis: their text, the table of recommendations and outcomes
 * (generated from the register), and the final act (file, decision number and date). Every recommendation needs an
 * outcome first, and the window must have closed. Followers and the people who recommended online are told.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { todayInBucharest, type IsoDate } from '../../../platform/calendar/index.ts';
import { getDb } from '../../../platform/db/index.ts';
import { storeUpload } from '../../../platform/files/commands/store-upload.ts';
import { logger } from '../../../platform/log.ts';
import { can } from '../../../platform/modules/runtime.ts';
import { notifyFollowers } from '../../../platform/notifications/follows.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type FieldErrors, type Result } from '../../../platform/result.ts';
import { cleanTranslated, fieldErrors } from '../../../platform/spaces/forms.ts';
import { SynthesisInput } from '../forms.ts';
import { loadConsultation } from '../load.ts';
import { consultations } from '../manifest.ts';
import { consultationUrl, listRecommendations } from '../queries.ts';
import { consultationStatus } from '../rules.ts';
import { consultationsConsultations } from '../schema.ts';
import { indexConsultation } from '../search.ts';

export async function publishSynthesis(
	actor: Actor,
	{ moduleId, today = todayInBucharest() }: { moduleId: string; today?: IsoDate },
	input: SynthesisInput,
	finalActFile?: File | null
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx, instance, consultation } = await loadConsultation(db, moduleId);
	authorize(can(actor, 'manage', ctx, consultations));
	const status = consultationStatus(consultation, today);
	if (status === 'finalised') return invalid({ _form: 'consultations_error_finalised' });
	if (status !== 'closed') return invalid({ _form: 'consultations_error_window_not_closed' });
	const form = SynthesisInput.safeParse(input);
	const errors: FieldErrors = form.success ? {} : fieldErrors(form.error);
	const register = await listRecommendations(db, consultation.id);
	if (register.some((r) => !r.outcome)) errors._form = 'consultations_error_undecided';
	if (Object.keys(errors).length || !form.success) return invalid(errors);
	let fileId: string | null = null;
	if (finalActFile && finalActFile.size > 0) {
		const stored = await storeUpload(actor, finalActFile, {
			accept: 'document',
			extensions: ['pdf', 'odt', 'docx'],
			field: 'finalActFile'
		});
		if (!stored.ok) return stored;
		fileId = stored.value.id;
	}
	const done = await db.transaction(async (tx) => {
		const rows = await tx
			.update(consultationsConsultations)
			.set({
				synthesis: cleanTranslated(form.data.synthesis),
				synthesisPublishedAt: new Date(),
				finalActNumber: form.data.finalActNumber,
				finalActOn: form.data.finalActOn,
				finalActFileId: fileId
			})
			.where(
				and(eq(consultationsConsultations.id, consultation.id), isNull(consultationsConsultations.synthesisPublishedAt))
			)
			.returning({ id: consultationsConsultations.id });
		if (!rows.length) return false;
		await recordAction(tx, actor, {
			action: 'consultation.synthesis_publish',
			resourceType: 'consultation',
			resourceId: consultation.id,
			spaceId: instance.spaceId,
			data: { moduleId, finalActNumber: form.data.finalActNumber, finalActOn: form.data.finalActOn }
		});
		return true;
	});
	if (!done) return invalid({ _form: 'consultations_error_finalised' });
	await indexConsultation(db, moduleId);
	const link = `${consultationUrl(ctx.space.slug, moduleId)}/register`;
	const data = { title: consultation.draftTitle, act: form.data.finalActNumber };
	try {
		const authors = [...new Set(register.map((r) => r.userId).filter((id): id is string => !!id))];
		await notify(db, { userIds: authors, key: 'consultations_notification_synthesis_published', data, link });
		if (ctx.space.status === 'published')
			await notifyFollowers(
				db,
				{ resourceType: 'space', resourceId: instance.spaceId },
				'consultations_notification_synthesis_published',
				data,
				link,
				{ except: authors }
			);
	} catch (err) {
		logger().error({ err, moduleId }, 'consultations: synthesis notification failed');
	}
	return ok(null);
}
