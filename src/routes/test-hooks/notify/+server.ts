/** Test hook (only when VOCEA_TEST_HOOKS=1, never in production): notifies a person by e-mail address, for e2e. */
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '#lib/server/platform/db/index.ts';
import { notify } from '#lib/server/platform/notifications/notify.ts';
import { userIdByEmail } from '#lib/server/platform/notifications/queries.ts';

export const POST: RequestHandler = async ({ request }) => {
	if (process.env.VOCEA_TEST_HOOKS !== '1') error(404, 'not_found');
	const body = (await request.json()) as { email: string; key: string; data?: Record<string, unknown>; link?: string };
	const db = await getDb();
	const userId = await userIdByEmail(db, body.email);
	if (!userId) error(404, 'not_found');
	return json(await notify(db, { userIds: [userId], key: body.key, data: body.data, link: body.link }));
};
