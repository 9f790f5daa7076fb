/** GET /api/v1/processes — published processes with their phases, current phase and counts. */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiLocale, processListForApi } from '#lib/server/platform/spaces/api.ts';
import { modules } from '#lib/server/registry.ts';

export const GET: RequestHandler = async ({ url }) =>
	json(await processListForApi(apiLocale(url.searchParams.get('locale')), new Date(), modules), {
		headers: { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' }
	});
