/**
 * GET /api/v1/processes/{id} — one published process, by id or slug, with phases, documents, modules and counts;
 * 404 JSON otherwise. (The folder is named [slug] for history; both forms are accepted.)
 */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiLocale, processForApi } from '#lib/server/platform/spaces/api.ts';
import { NotFoundError } from '#lib/server/platform/result.ts';
import { modules } from '#lib/server/registry.ts';

const headers = { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' };

export const GET: RequestHandler = async ({ url, params }) => {
	try {
		const locale = apiLocale(url.searchParams.get('locale'));
		return json(await processForApi(params.slug, locale, new Date(), modules), { headers });
	} catch (e) {
		if (e instanceof NotFoundError)
			return json({ error: 'not_found', message: `No published process "${params.slug}".` }, { status: 404, headers });
		throw e;
	}
};
