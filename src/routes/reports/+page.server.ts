/** Public: browse the city's reports — filters (neighbourhood, category, state, dates), a map and the list. */
import type { PageServerLoad } from './$types';
import { viewReportList } from '#lib/server/modules/reports/index.ts';

export const load: PageServerLoad = async ({ locals, url }) => ({
	locale: locals.locale,
	...(await viewReportList(locals.actor, url.searchParams))
});
