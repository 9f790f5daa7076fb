/** Test hook (only with VOCEA_TEST_HOOKS=1 on the embedded database in demo mode): notifies a person by e-mail address, for e2e. */
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { testHooksEnabled } from '#lib/server/platform/config/test-hooks.ts';
import { notifyByEmail } from '#lib/server/platform/testing/test-hook-actions.ts';

export const POST: RequestHandler = async ({ request }) => {
	if (!testHooksEnabled()) error(404, 'not_found');
	const body = (await request.json()) as { email: string; key: string; data?: Record<string, unknown>; link?: string };
	const result = await notifyByEmail(body.email, { key: body.key, data: body.data, link: body.link });
	if (!result) error(404, 'not_found');
	return json(result);
};
