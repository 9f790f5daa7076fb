/** GET /api/v1/budgets/{id}/ballots — the published Pabulib ballots files of an edition, with digests and commands. */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { budgetBallotsForApi } from '#lib/server/modules/budgets/index.ts';
import { ForbiddenError, NotFoundError } from '#lib/server/platform/result.ts';

const headers = { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' };

export const GET: RequestHandler = async ({ params }) => {
	try {
		return json(await budgetBallotsForApi(params.id), { headers });
	} catch (e) {
		if (e instanceof NotFoundError || e instanceof ForbiddenError)
			return json(
				{ error: 'not_found', message: `No published ballots for edition "${params.id}".` },
				{ status: 404, headers }
			);
		throw e;
	}
};
