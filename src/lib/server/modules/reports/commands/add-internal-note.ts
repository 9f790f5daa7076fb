/** Staff add an internal note to a report: only staff of its department and administrators ever see it. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { reportsReports, reportsUpdates } from '../schema.ts';
import { lockReport, reportForStaff } from '../staff.ts';

const NoteInput = z.object({ note: z.string().trim().min(1, 'validation_required').max(4000, 'validation_too_long') });

export async function addInternalNote(
	actor: Actor,
	reportId: string,
	input: { note?: string }
): Promise<Result<{ updateId: string }>> {
	const db = await getDb();
	const { instance } = await reportForStaff(db, actor, reportId);
	const form = NoteInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const updateId = await db.transaction(async (tx) => {
		await lockReport(tx, reportId);
		const [row] = await tx
			.insert(reportsUpdates)
			.values({ reportId, kind: 'internal', authorId: isUser(actor) ? actor.id : null, text: form.data.note })
			.returning({ id: reportsUpdates.id });
		await tx.update(reportsReports).set({ updatedAt: new Date() }).where(eq(reportsReports.id, reportId));
		await recordAction(tx, actor, {
			action: 'report.note',
			resourceType: 'report',
			resourceId: reportId,
			spaceId: instance.spaceId
		});
		return row.id;
	});
	return ok({ updateId });
}
