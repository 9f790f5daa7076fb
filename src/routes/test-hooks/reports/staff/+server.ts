/** Test hook (only when test hooks are on): a report filed by someone without an account, for the staff e2e story. */
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { testHooksEnabled } from '#lib/server/platform/config/test-hooks.ts';
import { staffStoryForTests } from '#lib/server/modules/reports/index.ts';

export const POST: RequestHandler = async () => {
	if (!testHooksEnabled()) error(404, 'not_found');
	return json(await staffStoryForTests());
};
