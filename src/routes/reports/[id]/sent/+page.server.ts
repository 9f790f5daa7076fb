/** Public: the confirmation after sending a report — registration number, date and the legal answer date. */
import type { PageServerLoad } from './$types';
import { viewReport } from '#lib/server/modules/reports/index.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { report, viewer } = await viewReport(locals.actor, params.id);
	return { report, signedIn: viewer.signedIn, locale: locals.locale };
};
