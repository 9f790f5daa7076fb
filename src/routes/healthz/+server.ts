/** GET /healthz → 200 {"status":"ok","database":"ok",…} or 503 naming the failing part. */
import { json } from '@sveltejs/kit';
import { checkHealth } from '#lib/server/platform/health.ts';

export const GET = async () => {
	const health = await checkHealth();
	return json(health, { status: health.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
