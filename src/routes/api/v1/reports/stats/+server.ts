/** GET /api/v1/reports/stats — public statistics of the city's reports per department and neighbourhood. */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { reportsStatsForApi, statsPeriod } from '#lib/server/modules/reports/index.ts';
import { apiLocale } from '#lib/server/platform/spaces/api.ts';
import { NotFoundError } from '#lib/server/platform/result.ts';

const headers = { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' };

export const GET: RequestHandler = async ({ url }) => {
	const period = statsPeriod(url.searchParams);
	if ('error' in period)
		return json({ error: period.error, message: 'from and to must be dates (YYYY-MM-DD)' }, { status: 400, headers });
	try {
		return json(await reportsStatsForApi(period, apiLocale(url.searchParams.get('locale'))), { headers });
	} catch (error) {
		if (error instanceof NotFoundError)
			return json({ error: 'not_found', message: 'no published reports module' }, { status: 404, headers });
		throw error;
	}
};
