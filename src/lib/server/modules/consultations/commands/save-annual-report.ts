/** Staff enter the items of the Law 52/2003 art. 13 annual report the platform cannot know: (c) when meetings do not
 * record attendance, (e) court cases, (f) their own evaluation, (g) meetings not held in public and why. */
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { canAdmin } from '../../../platform/permissions/admin-policy.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { AnnualReportInput } from '../forms.ts';
import { consultationsAnnualReports } from '../schema.ts';

export const reportYearValid = (year: number) => Number.isInteger(year) && year >= 2003 && year <= 2200;

export async function saveAnnualReport(actor: Actor, year: number, input: AnnualReportInput): Promise<Result<null>> {
	authorize(canAdmin(actor, 'processes.manage'));
	if (!reportYearValid(year)) return invalid({ _form: 'consultations_error_year' });
	const form = AnnualReportInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const db = await getDb();
	const values = { ...form.data, updatedBy: actor.kind === 'user' ? actor.id : null };
	await db.transaction(async (tx) => {
		await tx
			.insert(consultationsAnnualReports)
			.values({ year, ...values })
			.onConflictDoUpdate({ target: consultationsAnnualReports.year, set: values });
		await recordAction(tx, actor, {
			action: 'consultation.annual_report',
			resourceType: 'consultations_annual_report',
			resourceId: String(year),
			data: { year }
		});
	});
	return ok(null);
}
