/**
 * Shared steps of the staff commands: load a report with its module context and check the actor handles it, and
 * lock it (`FOR UPDATE`) inside the command's transaction so two staff members, or a double submission, never act
 * on a stale state.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actors/actor.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { authorize, decide } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { canReports, reportsModule } from './context.ts';
import { handlesReport, type ReportsAction } from './permissions.ts';
import { reportsReports } from './schema.ts';

export type ReportRow = typeof reportsReports.$inferSelect;

/** The report (404 when missing), after checking `action` on its module and that the actor handles its department. */
export async function reportForStaff(db: Db, actor: Actor, reportId: string, action: ReportsAction = 'handle') {
	const [report] = await db.select().from(reportsReports).where(eq(reportsReports.id, reportId));
	if (!report) throw new NotFoundError('report');
	const { ctx, instance } = await reportsModule(db, report.moduleId);
	authorize(canReports(actor, action, ctx));
	authorize(decide(handlesReport(actor, report.departmentId), 'reports_staff_other_department'));
	return { report, ctx, instance };
}

/** Re-reads the report under a row lock, inside the transaction. */
export async function lockReport(tx: Tx, reportId: string): Promise<ReportRow> {
	const [row] = await tx.select().from(reportsReports).where(eq(reportsReports.id, reportId)).for('update');
	if (!row) throw new NotFoundError('report');
	return row;
}

/** The staff page of a report (site path, no locale prefix). */
export const staffReportPath = (reportId: string) => `/admin/reports/${reportId}`;
