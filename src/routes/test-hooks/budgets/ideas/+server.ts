/** Test hook (only when test hooks are on): an edition in its ideas stage with a verified citizen; set its stage. */
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { testHooksEnabled } from '#lib/server/platform/config/test-hooks.ts';
import { createIdeasEditionForTests, setStageForTests } from '#lib/server/modules/budgets/index.ts';

export const POST: RequestHandler = async ({ request }) => {
	if (!testHooksEnabled()) error(404, 'not_found');
	const body = (await request.json().catch(() => ({}))) as { moduleId?: string; stage?: string };
	if (body.moduleId && body.stage) return json(await setStageForTests(body.moduleId, body.stage as 'ideas'));
	return json(await createIdeasEditionForTests());
};
