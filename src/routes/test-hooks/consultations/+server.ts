/** Test hook (only when test hooks are on): moves a consultation `days` back in time, for e2e stories. */
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { testHooksEnabled } from '#lib/server/platform/config/test-hooks.ts';
import { backdateConsultationForTests } from '#lib/server/modules/consultations/index.ts';

export const POST: RequestHandler = async ({ request }) => {
	if (!testHooksEnabled()) error(404, 'not_found');
	const body = (await request.json()) as { moduleId: string; days: number };
	if (!(await backdateConsultationForTests(body.moduleId, Number(body.days)))) error(404, 'not_found');
	return json({ ok: true });
};
