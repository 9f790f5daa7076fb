/** The category tree of the city's reports: groups and categories with their department and extra questions. */
import type { PageServerLoad } from './$types';
import { categoryTree } from '#lib/server/modules/reports/index.ts';

export const load: PageServerLoad = async ({ locals, url }) => ({
	...(await categoryTree(locals.actor)),
	saved: url.searchParams.has('saved')
});
