/** Public: report a problem (step 1: the form; step 2, when needed: possible duplicates with "me too"; then send). */
import type { Actions, PageServerLoad } from './$types';
import { reportFormActions, viewReportForm } from '#lib/server/modules/reports/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals }) => ({
	...(await viewReportForm(locals.actor)),
	locale: locals.locale
});

export const actions = reportFormActions('web', (id, locale) =>
	localizedPath(`/reports/${id}/sent`, locale)
) satisfies Actions;
