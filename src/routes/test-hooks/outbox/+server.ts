/** Test hook (only when VOCEA_TEST_HOOKS=1, never in production): the development outbox as JSON for e2e tests. */
import { error, json } from '@sveltejs/kit';
import { listOutbox } from '#lib/server/platform/notifications/outbox.ts';

export const GET = async ({ url }) => {
	if (process.env.VOCEA_TEST_HOOKS !== '1') error(404, 'not_found');
	return json(
		await listOutbox({
			to: url.searchParams.get('to') ?? undefined,
			channel: url.searchParams.get('channel') ?? undefined
		})
	);
};
