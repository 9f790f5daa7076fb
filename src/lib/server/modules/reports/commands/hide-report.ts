/**
 * Moderation: hide a report from the public (abusive text, personal data in a photo…) or show it again, always with
 * a reason kept in the audit log and on the staff timeline. Moderators and administrators act on any report, staff on
 * their own departments' reports.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { hasRole, isUser, type Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { canAdmin } from '../../../platform/permissions/admin-policy.ts';
import { authorize, decide } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { canReports, reportsModule } from '../context.ts';
import { handlesReport } from '../permissions.ts';
import { reportsReports, reportsUpdates } from '../schema.ts';
import { lockReport } from '../staff.ts';

const ReasonInput = z.object({ reason: z.string().trim().min(3, 'reports_staff_error_reason').max(1000) });

/** `hidden: true` hides, `false` restores. */
export async function hideReport(
	actor: Actor,
	reportId: string,
	input: { reason?: string },
	hidden = true
): Promise<Result<{ changed: boolean }>> {
	const db = await getDb();
	const [report] = await db.select().from(reportsReports).where(eq(reportsReports.id, reportId));
	if (!report) throw new NotFoundError('report');
	const { ctx, instance } = await reportsModule(db, report.moduleId);
	authorize(canReports(actor, 'moderate', ctx));
	const moderator = hasRole(actor, 'moderator') || canAdmin(actor, 'comments.moderate').allowed;
	authorize(decide(moderator || handlesReport(actor, report.departmentId), 'reports_staff_other_department'));
	const form = ReasonInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const changed = await db.transaction(async (tx) => {
		const current = await lockReport(tx, reportId);
		if (Boolean(current.hiddenAt) === hidden) return false;
		await tx
			.update(reportsReports)
			.set({ hiddenAt: hidden ? new Date() : null, updatedAt: new Date() })
			.where(eq(reportsReports.id, reportId));
		await tx.insert(reportsUpdates).values({
			reportId,
			kind: 'internal',
			authorId: isUser(actor) ? actor.id : null,
			text: form.data.reason,
			data: { moderation: hidden ? 'hidden' : 'restored' }
		});
		await recordAction(tx, actor, {
			action: hidden ? 'report.hide' : 'report.restore',
			resourceType: 'report',
			resourceId: reportId,
			spaceId: instance.spaceId,
			data: { reason: form.data.reason }
		});
		return true;
	});
	return ok({ changed });
}
