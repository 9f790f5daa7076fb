/** Public statistics of problem reports per department and neighbourhood (optionally for a registration period). */
import type { PageServerLoad } from './$types';
import { statsPeriod, viewStats } from '#lib/server/modules/reports/index.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	const period = statsPeriod(url.searchParams);
	const valid = 'error' in period ? { from: null, to: null } : period;
	return {
		stats: await viewStats(locals.actor, valid),
		periodError: 'error' in period ? period.error : null
	};
};
