/**
 * Staff forward a report to the outside body that is responsible (the county, the water company, the police…): the
 * report is closed as "not the city's responsibility" naming that body, and the reporter receives the notice OG
 * 27/2002 requires within 5 days of registration. A notice sent after that date is still sent, and marked late.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { todayInBucharest } from '../../../platform/calendar/index.ts';
import { getDb } from '../../../platform/db/index.ts';
import { logger } from '../../../platform/log.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { notifyReporter } from '../notify-reporter.ts';
import { canStaffMove, reportDeadlines } from '../rules.ts';
import { reportsReports, reportsUpdates } from '../schema.ts';
import { numberOf } from '../staff-messages.ts';
import { lockReport, reportForStaff } from '../staff.ts';

const ForwardInput = z.object({
	body: z.string().trim().min(2, 'validation_required').max(300, 'validation_too_long'),
	text: z.string().trim().max(4000, 'validation_too_long').optional()
});

export async function forwardReport(
	actor: Actor,
	reportId: string,
	input: { body?: string; text?: string },
	now: Date = new Date()
): Promise<Result<{ late: boolean }>> {
	const db = await getDb();
	const { report, ctx, instance } = await reportForStaff(db, actor, reportId);
	const form = ForwardInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const { body, text } = form.data;
	const forwardBy = reportDeadlines(report.createdAt).forwarding.due;
	const late = todayInBucharest(now.getTime()) > forwardBy;

	const outcome = await db.transaction(async (tx) => {
		const current = await lockReport(tx, reportId);
		if (current.forwardedAt || !canStaffMove(current.state, 'not_responsible')) return 'stale' as const;
		await tx
			.update(reportsReports)
			.set({
				state: 'not_responsible',
				responsibleBody: body,
				stateReason: body,
				forwardedAt: now,
				closedAt: now,
				firstAnsweredAt: current.firstAnsweredAt ?? now,
				updatedAt: now
			})
			.where(eq(reportsReports.id, reportId));
		await tx.insert(reportsUpdates).values({
			reportId,
			kind: 'public',
			authorId: isUser(actor) ? actor.id : null,
			fromState: current.state,
			toState: 'not_responsible',
			text: text || '',
			data: { forwardedTo: body, late },
			createdAt: now
		});
		await recordAction(tx, actor, {
			action: 'report.forward',
			resourceType: 'report',
			resourceId: reportId,
			spaceId: instance.spaceId,
			data: { body, late, forwardBy }
		});
		return 'done' as const;
	});
	if (outcome === 'stale') return invalid({ body: 'reports_staff_error_stale' });

	await notifyReporter(
		db,
		report,
		'reports_staff_notification_forwarded',
		{ number: numberOf(report, ctx.settings.numberPrefix), body, text: text ?? '' },
		{ except: isUser(actor) ? [actor.id] : [] }
	).catch((err) => logger().error({ err, reportId }, 'reports: forwarding not notified'));
	return ok({ late });
}
