/** The per-desk reconciliation as CSV (counts only, no personal data). */
import type { RequestHandler } from './$types';
import { reconciliationCsv } from '#lib/server/modules/budgets/index.ts';

export const GET: RequestHandler = async ({ locals, params }) =>
	new Response(await reconciliationCsv(locals.actor, { spaceId: params.id, moduleId: params.moduleId }), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="reconciliation-${params.moduleId}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
