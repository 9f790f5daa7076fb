/**
 * Staff extend a report's legal answer date by up to 15 days, once, with a reason the reporter receives (OG 27/2002
 * art. 9). Anonymous notices have no legal date to extend; closed reports need none.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { logger } from '../../../platform/log.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { notifyReporter } from '../notify-reporter.ts';
import { extendedDueOn, isOpen } from '../rules.ts';
import { reportsReports, reportsUpdates } from '../schema.ts';
import { numberOf } from '../staff-messages.ts';
import { lockReport, reportForStaff } from '../staff.ts';

const ExtendInput = z.object({
	days: z.coerce.number({ error: 'reports_extension_days_invalid' }).int('reports_extension_days_invalid'),
	reason: z.string().trim().min(5, 'reports_staff_error_reason').max(1000, 'validation_too_long')
});

export async function extendDeadline(
	actor: Actor,
	reportId: string,
	input: { days?: number | string; reason?: string }
): Promise<Result<{ dueOn: string }>> {
	const db = await getDb();
	const { report, ctx, instance } = await reportForStaff(db, actor, reportId);
	const form = ExtendInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	if (!report.dueOn) return invalid({ days: 'reports_staff_error_no_deadline' });
	const extended = extendedDueOn(report.createdAt, form.data.days);
	if ('error' in extended) return invalid({ days: extended.error });

	const outcome = await db.transaction(async (tx) => {
		const current = await lockReport(tx, reportId);
		if (current.extendedDueOn) return 'twice' as const;
		if (!isOpen(current.state)) return 'closed' as const;
		await tx
			.update(reportsReports)
			.set({ extendedDueOn: extended.due, extensionReason: form.data.reason, updatedAt: new Date() })
			.where(eq(reportsReports.id, reportId));
		await tx.insert(reportsUpdates).values({
			reportId,
			kind: 'public',
			authorId: isUser(actor) ? actor.id : null,
			text: form.data.reason,
			data: { extendedDueOn: extended.due, days: form.data.days }
		});
		await recordAction(tx, actor, {
			action: 'report.extend',
			resourceType: 'report',
			resourceId: reportId,
			spaceId: instance.spaceId,
			data: { days: form.data.days, dueOn: extended.due }
		});
		return 'done' as const;
	});
	if (outcome === 'twice') return invalid({ days: 'reports_staff_error_extended_once' });
	if (outcome === 'closed') return invalid({ days: 'reports_staff_error_closed' });

	await notifyReporter(
		db,
		report,
		'reports_staff_notification_extended',
		{ number: numberOf(report, ctx.settings.numberPrefix), date: extended.due, reason: form.data.reason },
		{ except: isUser(actor) ? [actor.id] : [] }
	).catch((err) => logger().error({ err, reportId }, 'reports: extension not notified'));
	return ok({ dueOn: extended.due });
}
