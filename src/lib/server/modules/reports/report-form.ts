/**
 * The two steps of the web report form as one use case for the route: step 1 checks the whole form and shows the
 * possible duplicates (if any) before anything is written; step 2 sends anyway (or the form is sent at once when
 * there are none). Without JavaScript the duplicates step is a page of its own carrying the form's values. Staff use the
 * same form for a report received by phone, letter or at the counter (`channel: 'staff'`): the reporter is the contact
 * they type in, never the staff member.
 */
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { hitRateLimit, type RateRule } from '../../platform/http/rate-limit.ts';
import type { FieldErrors, Result } from '../../platform/result.ts';
import { checkReport } from './commands/check-report.ts';
import { createReport, type CreatedReport } from './commands/create-report.ts';
import { cityReportsModule } from './context.ts';
import type { PossibleDuplicate } from './duplicates.ts';
import { readReportForm, type ReportFormValues } from './forms.ts';

/** Reports sent from one address without an account: generous for a household, a brake on scripted floods. */
export const anonymousReportsByIp: RateRule = { name: 'reports:web-ip', limit: 30, windowSeconds: 60 * 60 };

export type ReportFormOutcome =
	| { step: 'invalid'; errors: FieldErrors; values: ReportFormValues }
	| { step: 'duplicates'; duplicates: PossibleDuplicate[]; values: ReportFormValues }
	| { step: 'created'; report: CreatedReport };

export async function submitReportForm(
	actor: Actor,
	form: FormData,
	{ locale, confirmed, channel = 'web' }: { locale: string; confirmed: boolean; channel?: 'web' | 'staff' }
): Promise<ReportFormOutcome> {
	const db = await getDb();
	const { ctx } = await cityReportsModule(db);
	const { input, errors, values } = await readReportForm(db, form, {
		maxPhotos: ctx.settings.maxPhotos,
		locale,
		channel
	});
	const checked: Result<{ duplicates: PossibleDuplicate[] }> = await checkReport(actor, ctx.module.id, input);
	// The form's own errors (a refused photo, a malformed coordinate) are more precise than the command's.
	const all = { ...(checked.ok ? {} : checked.errors), ...errors };
	if (Object.keys(all).length) return { step: 'invalid', errors: all, values };
	if (!confirmed && checked.ok && checked.value.duplicates.length)
		return { step: 'duplicates', duplicates: checked.value.duplicates, values };
	if (!isUser(actor) && actor.context.ip) {
		const limit = await hitRateLimit(anonymousReportsByIp, actor.context.ip);
		if (!limit.allowed) return { step: 'invalid', errors: { _form: 'reports_error_too_many_reports' }, values };
	}
	const created = await createReport(actor, ctx.module.id, input);
	if (!created.ok) return { step: 'invalid', errors: created.errors, values };
	return { step: 'created', report: created.value };
}

/** "Change my report" from the duplicates step: everything typed goes back into the form, with the cleaned photos. */
export function formValuesToEdit(form: FormData): ReportFormValues {
	const fields: Record<string, string | string[]> = {};
	for (const [key] of form.entries())
		if (key !== 'carried_photo') {
			const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
			fields[key] = all.length > 1 ? all : (all[0] ?? '');
		}
	const photos = form.getAll('carried_photo').filter((v): v is string => typeof v === 'string');
	return { fields, photos };
}
