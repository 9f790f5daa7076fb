/**
 * Staff act on several reports of the inbox at once: assign them to a person, or move them to a state with one public
 * text. Every report is checked first (all must be the actor's to handle, else nothing happens); then each goes
 * through the single-report command, in its own transaction, so one refused report never undoes the others.
 */
import { inArray } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize, decide } from '../../../platform/permissions/index.ts';
import { invalid, ok, type FieldErrors, type Result } from '../../../platform/result.ts';
import { handlesReport, isReportsStaff } from '../permissions.ts';
import { reportsReports, type ReportState } from '../schema.ts';
import { assignReport } from './assign-report.ts';
import { updateReport } from './update-report.ts';

export type BulkAction =
	{ kind: 'assign'; assigneeId: string | null } | { kind: 'state'; state: ReportState; text: string };

export async function bulkUpdateReports(
	actor: Actor,
	reportIds: string[],
	action: BulkAction
): Promise<Result<{ done: number; refused: { id: string; errors: FieldErrors }[] }>> {
	authorize(decide(isReportsStaff(actor), 'reports_staff_only'));
	const ids = [...new Set(reportIds)].slice(0, 200);
	if (!ids.length) return invalid({ ids: 'reports_staff_error_none_selected' });
	const db = await getDb();
	const rows = await db
		.select({ id: reportsReports.id, departmentId: reportsReports.departmentId })
		.from(reportsReports)
		.where(inArray(reportsReports.id, ids));
	if (rows.length !== ids.length) return invalid({ ids: 'reports_staff_error_none_selected' });
	authorize(
		decide(
			rows.every((r) => handlesReport(actor, r.departmentId)),
			'reports_staff_other_department'
		)
	);
	let done = 0;
	const refused: { id: string; errors: FieldErrors }[] = [];
	for (const id of ids) {
		const result =
			action.kind === 'assign'
				? await assignReport(actor, id, action.assigneeId)
				: await updateReport(actor, id, { state: action.state, text: action.text });
		if (result.ok) done++;
		else refused.push({ id, errors: result.errors });
	}
	return ok({ done, refused });
}
