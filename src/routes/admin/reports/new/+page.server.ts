/**
 * Staff: record a report received by phone, letter or at the counter — the citizen form with the reporter's contact
 * and language, the same duplicates step, then the registration number and answer date to tell the reporter.
 */
import type { Actions, PageServerLoad } from './$types';
import { reportFormActions, viewReport, viewReportForm } from '#lib/server/modules/reports/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const form = await viewReportForm(locals.actor, { channel: 'staff' });
	const registeredId = url.searchParams.get('registered');
	const registered = registeredId ? (await viewReport(locals.actor, registeredId)).report : null;
	return { ...form, registered, locale: locals.locale };
};

export const actions = reportFormActions(
	'staff',
	(id, locale) => `${localizedPath('/admin/reports/new', locale)}?registered=${id}`
) satisfies Actions;
