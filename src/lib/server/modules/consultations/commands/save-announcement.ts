/** Staff write or correct the announcement of a draft act: explanatory note, impact study, full text (each also as
 * an uploaded PDF/ODT/DOCX), the contact person and where paper recommendations go. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { storeUpload } from '../../../platform/files/commands/store-upload.ts';
import { can } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type FieldErrors, type Result } from '../../../platform/result.ts';
import { cleanTranslated, fieldErrors } from '../../../platform/spaces/forms.ts';
import { AnnouncementInput } from '../forms.ts';
import { loadConsultation } from '../load.ts';
import { consultations } from '../manifest.ts';
import { consultationsConsultations } from '../schema.ts';
import { indexConsultation } from '../search.ts';

export type AnnouncementFiles = {
	explanatoryNoteFile?: File | null;
	impactStudyFile?: File | null;
	draftFile?: File | null;
};

export async function saveAnnouncement(
	actor: Actor,
	{ moduleId }: { moduleId: string },
	input: AnnouncementInput,
	files: AnnouncementFiles = {}
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx, instance, consultation } = await loadConsultation(db, moduleId);
	authorize(can(actor, 'manage', ctx, consultations));
	if (consultation.synthesisPublishedAt) return invalid({ _form: 'consultations_error_finalised' });
	const form = AnnouncementInput.safeParse(input);
	const errors: FieldErrors = form.success ? {} : fieldErrors(form.error);
	// Files are checked before anything is written; a rejected file leaves the announcement unchanged.
	const stored: Record<string, string> = {};
	for (const field of ['explanatoryNoteFile', 'impactStudyFile', 'draftFile'] as const) {
		const file = files[field];
		if (!file || file.size === 0) continue;
		const result = await storeUpload(actor, file, { accept: 'document', extensions: ['pdf', 'odt', 'docx'], field });
		if (result.ok) stored[field] = result.value.id;
		else Object.assign(errors, result.errors);
	}
	if (!form.success || Object.keys(errors).length) return invalid(errors);
	const data = form.data;
	await db.transaction(async (tx) => {
		await tx
			.update(consultationsConsultations)
			.set({
				draftTitle: cleanTranslated(data.draftTitle),
				explanatoryNote: cleanTranslated(data.explanatoryNote),
				impactStudy: cleanTranslated(data.impactStudy),
				draftText: cleanTranslated(data.draftText),
				contactName: data.contactName,
				contactEmail: data.contactEmail,
				contactPhone: data.contactPhone,
				postalAddress: data.postalAddress,
				...(stored.explanatoryNoteFile ? { explanatoryNoteFileId: stored.explanatoryNoteFile } : {}),
				...(stored.impactStudyFile ? { impactStudyFileId: stored.impactStudyFile } : {}),
				...(stored.draftFile ? { draftFileId: stored.draftFile } : {})
			})
			.where(eq(consultationsConsultations.id, consultation.id));
		await recordAction(tx, actor, {
			action: 'consultation.announcement',
			resourceType: 'consultation',
			resourceId: consultation.id,
			spaceId: instance.spaceId,
			data: { moduleId, published: !!consultation.publishedOn, files: Object.keys(stored) }
		});
	});
	await indexConsultation(db, moduleId);
	return ok(null);
}
