/** Test hook (only with VOCEA_TEST_HOOKS=1 on the embedded database in demo mode): a bare discussion for e2e stories. */
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { testHooksEnabled } from '#lib/server/platform/config/test-hooks.ts';
import { viewComments } from '#lib/server/platform/comments/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!testHooksEnabled()) error(404, 'not_found');
	return { comments: await viewComments(locals.actor, { resourceType: 'test_thread', resourceId: params.id, url }) };
};
