/** Test hook (only when test hooks are on): an edition open for voting, two desk staff accounts and a citizen. */
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { testHooksEnabled } from '#lib/server/platform/config/test-hooks.ts';
import { createDeskEditionForTests } from '#lib/server/modules/budgets/index.ts';

export const POST: RequestHandler = async () => {
	if (!testHooksEnabled()) error(404, 'not_found');
	return json(await createDeskEditionForTests());
};
