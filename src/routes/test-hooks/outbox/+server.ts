/** Test hook (only with VOCEA_TEST_HOOKS=1 on the embedded database in demo mode): the development outbox as JSON for e2e tests. */
import { error, json } from '@sveltejs/kit';
import { listOutbox } from '#lib/server/platform/notifications/outbox.ts';
import { testHooksEnabled } from '#lib/server/platform/config/test-hooks.ts';

export const GET = async ({ url }) => {
	if (!testHooksEnabled()) error(404, 'not_found');
	return json(
		await listOutbox({
			to: url.searchParams.get('to') ?? undefined,
			channel: url.searchParams.get('channel') ?? undefined
		})
	);
};
