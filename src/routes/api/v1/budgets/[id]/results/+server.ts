/** GET /api/v1/budgets/{id}/results — per pot: rule, tie-break, funded project codes, every project's count. */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { budgetResultsForApi } from '#lib/server/modules/budgets/index.ts';
import { apiLocale } from '#lib/server/platform/spaces/api.ts';
import { ForbiddenError, NotFoundError } from '#lib/server/platform/result.ts';

const headers = { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' };

export const GET: RequestHandler = async ({ url, params }) => {
	try {
		return json(await budgetResultsForApi(params.id, apiLocale(url.searchParams.get('locale'))), { headers });
	} catch (e) {
		if (e instanceof NotFoundError || e instanceof ForbiddenError)
			return json(
				{ error: 'not_found', message: `No published results for edition "${params.id}".` },
				{ status: 404, headers }
			);
		throw e;
	}
};
