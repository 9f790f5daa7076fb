/**
 * Staff publish an update on a report: a public text (required), optional photos and optionally a new state (with the
 * reason the public sees when it is "not the city's responsibility" or "cannot fix"). The reporter and the followers
 * are told. A form carries the state the staff member saw: if someone moved the report meanwhile (or the form was
 * sent twice), the update is refused instead of applied twice.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { storeUpload } from '../../../platform/files/commands/store-upload.ts';
import { logger } from '../../../platform/log.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { notifyReporter } from '../notify-reporter.ts';
import { canStaffMove, isOpen, needsReason, reopenWindowEnd } from '../rules.ts';
import { reportStates, reportsPhotos, reportsReports, reportsUpdates, type ReportState } from '../schema.ts';
import { numberOf, stateName } from '../staff-messages.ts';
import { lockReport, reportForStaff } from '../staff.ts';

export const UpdateReportInput = z.object({
	state: z.enum(reportStates).optional(),
	text: z.string().trim().min(1, 'validation_required').max(4000, 'validation_too_long'),
	reason: z.string().trim().max(500, 'validation_too_long').optional(),
	expectedState: z.enum(reportStates).optional()
});
export type UpdateReportInput = z.input<typeof UpdateReportInput> & { photos?: File[] };

export async function updateReport(
	actor: Actor,
	reportId: string,
	input: UpdateReportInput,
	now: Date = new Date()
): Promise<Result<{ updateId: string; state: ReportState }>> {
	const db = await getDb();
	const { report, ctx, instance } = await reportForStaff(db, actor, reportId);
	const form = UpdateReportInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const { text, reason, expectedState } = form.data;
	const to = form.data.state && form.data.state !== report.state ? form.data.state : undefined;
	if (to && !canStaffMove(report.state, to)) return invalid({ state: 'reports_staff_error_move' });
	if (to && needsReason(to) && !reason) return invalid({ reason: 'reports_staff_error_reason' });
	if (to === 'duplicate') return invalid({ state: 'reports_staff_error_use_merge' });
	const photos = (input.photos ?? []).filter((f) => f && f.size > 0);
	if (photos.length > ctx.settings.maxPhotos) return invalid({ photos: 'reports_staff_error_photos_count' });

	// Photos are cleaned and stored first (they are checked by content); a refusal below leaves unused files only.
	const fileIds: string[] = [];
	for (const photo of photos) {
		const stored = await storeUpload(actor, photo, { accept: 'image', field: 'photos' });
		if (!stored.ok) return stored;
		fileIds.push(stored.value.id);
	}

	const outcome = await db.transaction(async (tx) => {
		const current = await lockReport(tx, reportId);
		if (expectedState && current.state !== expectedState) return 'stale' as const;
		if (to && !canStaffMove(current.state, to)) return 'stale' as const;
		const [update] = await tx
			.insert(reportsUpdates)
			.values({
				reportId,
				kind: 'public',
				authorId: isUser(actor) ? actor.id : null,
				fromState: to ? current.state : null,
				toState: to ?? null,
				text,
				data: reason && to ? { reason } : {},
				createdAt: now
			})
			.returning({ id: reportsUpdates.id });
		if (fileIds.length)
			await tx
				.insert(reportsPhotos)
				.values(fileIds.map((fileId, position) => ({ reportId, updateId: update.id, fileId, position })));
		const closing = to && !isOpen(to);
		await tx
			.update(reportsReports)
			.set({
				state: to ?? current.state,
				firstAnsweredAt: current.firstAnsweredAt ?? now,
				...(to === 'fixed' ? { fixedAt: now } : {}),
				...(closing ? { closedAt: now } : to ? { closedAt: null } : {}),
				...(to && isOpen(to) ? { fixedAt: null } : {}),
				...(to && needsReason(to) ? { stateReason: reason } : {}),
				...(to === 'not_responsible' ? { responsibleBody: reason } : {}),
				updatedAt: now
			})
			.where(eq(reportsReports.id, reportId));
		await recordAction(tx, actor, {
			action: 'report.update',
			resourceType: 'report',
			resourceId: reportId,
			spaceId: instance.spaceId,
			data: { from: current.state, to: to ?? null, photos: fileIds.length }
		});
		return update.id;
	});
	if (outcome === 'stale') return invalid({ state: 'reports_staff_error_stale' });

	const state = to ?? report.state;
	await notifyReporter(
		db,
		report,
		to ? 'reports_staff_notification_state' : 'reports_staff_notification_update',
		{ number: numberOf(report, ctx.settings.numberPrefix), state: stateName(state), text },
		{
			except: isUser(actor) ? [actor.id] : [],
			// Marked fixed: a reporter without an account gets the link to say "not fixed" within the window.
			reopenUntil:
				to === 'fixed' && ctx.settings.reopenDays > 0 ? reopenWindowEnd(now, ctx.settings.reopenDays) : undefined
		}
	).catch((err) => logger().error({ err, reportId }, 'reports: update not notified'));
	return ok({ updateId: outcome, state });
}
