/** GET /api/v1/budgets — published participatory-budgeting editions, with results and ballots links once counted. */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { budgetEditionsForApi } from '#lib/server/modules/budgets/index.ts';
import { apiLocale } from '#lib/server/platform/spaces/api.ts';

export const GET: RequestHandler = async ({ url }) =>
	json(await budgetEditionsForApi(apiLocale(url.searchParams.get('locale'))), {
		headers: { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' }
	});
