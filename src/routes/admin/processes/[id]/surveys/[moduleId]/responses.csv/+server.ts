/** Admin: every response as CSV (anonymous numbers; no account, name or date), never cached. */
import type { RequestHandler } from './$types';
import { exportResponses } from '#lib/server/modules/surveys/index.ts';

export const GET: RequestHandler = async ({ locals, params }) =>
	new Response(await exportResponses(locals.actor, { spaceId: params.id, moduleId: params.moduleId }), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="survey-${params.moduleId.slice(0, 8)}-responses.csv"`,
			'cache-control': 'no-store'
		}
	});
