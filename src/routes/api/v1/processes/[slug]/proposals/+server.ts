/** GET /api/v1/processes/{id}/proposals — a published process's proposals (by slug or id), paged and filtered. */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { proposalsForApi } from '#lib/server/modules/proposals/index.ts';
import { NotFoundError } from '#lib/server/platform/result.ts';

const headers = { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' };

export const GET: RequestHandler = async ({ url, params }) => {
	try {
		const result = await proposalsForApi(params.slug, url.searchParams);
		if (!result.ok)
			return json(
				{ error: 'invalid_query', message: `Invalid parameters: ${Object.keys(result.errors).join(', ')}.` },
				{ status: 400, headers }
			);
		return json(result.value, { headers });
	} catch (e) {
		if (e instanceof NotFoundError)
			return json(
				{ error: 'not_found', message: `No published process "${params.slug}" with public proposals.` },
				{ status: 404, headers }
			);
		throw e;
	}
};
