/** Test hook (only when test hooks are on): the city's reports module with a fresh service and an Open311 API key. */
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { testHooksEnabled } from '#lib/server/platform/config/test-hooks.ts';
import { open311 } from '#lib/server/modules/reports/index.ts';

export const POST: RequestHandler = async () => {
	if (!testHooksEnabled()) error(404, 'not_found');
	return json(await open311.open311ForTests());
};
