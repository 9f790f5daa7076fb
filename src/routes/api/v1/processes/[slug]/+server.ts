/** GET /api/v1/processes/{slug} — one published process with phases, documents and modules; 404 JSON otherwise. */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiLocale, processForApi } from '#lib/server/platform/spaces/api.ts';
import { NotFoundError } from '#lib/server/platform/result.ts';

const headers = { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' };

export const GET: RequestHandler = async ({ url, params }) => {
	try {
		return json(await processForApi(params.slug, apiLocale(url.searchParams.get('locale'))), { headers });
	} catch (e) {
		if (e instanceof NotFoundError)
			return json({ error: 'not_found', message: `No published process "${params.slug}".` }, { status: 404, headers });
		throw e;
	}
};
