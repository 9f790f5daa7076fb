/**
 * The reporter says "not fixed": within the reopen window after it was marked fixed, their report goes back to
 * confirmed with their words as a public update; the department and followers hear of it. Row-locked, so two
 * clicks reopen once. The reporter is the signed-in author, or — for a report made without an account — whoever
 * holds the reopen key from the e-mail that told its contact address it was fixed (reopen-key.ts).
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize, decide } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { canReports, reportsModule } from '../context.ts';
import { notifyReporter } from '../notify-reporter.ts';
import { reopenKeyMatches } from '../reopen-key.ts';
import { canReporterReopen, registrationNumber } from '../rules.ts';
import { reportsReports, reportsUpdates } from '../schema.ts';

const ReopenInput = z.object({
	reason: z
		.string({ message: 'reports_error_reopen_reason_required' })
		.trim()
		.min(1, 'reports_error_reopen_reason_required')
		.max(2000, 'reports_error_reopen_reason_too_long')
});

export async function reopenReport(
	actor: Actor,
	moduleId: string,
	reportId: string,
	input: { reason: unknown; key?: unknown },
	now: Date = new Date()
): Promise<Result<{ reopened: boolean }>> {
	const db = await getDb();
	const { ctx } = await reportsModule(db, moduleId, now);
	authorize(canReports(actor, 'read', ctx));
	const [report] = await db
		.select()
		.from(reportsReports)
		.where(and(eq(reportsReports.id, reportId), eq(reportsReports.moduleId, moduleId)));
	if (!report || report.hiddenAt) throw new NotFoundError('report');
	const byAuthor = isUser(actor) && report.authorId === actor.id;
	// A wrong key is refused the same way whatever is wrong with it (another report, another address, made up).
	const withKey = input.key !== undefined && input.key !== null && input.key !== '';
	authorize(
		decide(
			byAuthor || (withKey && reopenKeyMatches(report, input.key)),
			withKey ? 'reports_error_reopen_link_invalid' : 'reports_error_not_your_report'
		)
	);
	const form = ReopenInput.safeParse(input);
	if (!form.success) return invalid(form.error);
	const reopened = await db.transaction(async (tx) => {
		const [locked] = await tx.select().from(reportsReports).where(eq(reportsReports.id, reportId)).for('update');
		if (!canReporterReopen(locked, ctx.settings.reopenDays, now)) return null;
		const [row] = await tx
			.update(reportsReports)
			.set({ state: 'confirmed', fixedAt: null, closedAt: null, updatedAt: now })
			.where(eq(reportsReports.id, reportId))
			.returning();
		await tx.insert(reportsUpdates).values({
			reportId,
			kind: 'public',
			authorId: report.authorId,
			fromState: 'fixed',
			toState: 'confirmed',
			text: form.data.reason,
			data: { reopenedByReporter: true },
			createdAt: now
		});
		return row;
	});
	if (!reopened) return invalid({ _form: 'reports_error_reopen_window' });
	await notifyReporter(
		db,
		reopened,
		'reports_notification_reopened',
		{
			number: registrationNumber(ctx.settings.numberPrefix, reopened.number, reopened.createdAt),
			title: reopened.title
		},
		{ except: report.authorId ? [report.authorId] : [] }
	);
	return ok({ reopened: true });
}
