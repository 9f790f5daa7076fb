/** Public: the aggregated results as CSV (counts per answer; no individual responses). */
import type { RequestHandler } from './$types';
import { resultsCsv } from '#lib/server/modules/surveys/index.ts';

export const GET: RequestHandler = async ({ locals, params }) =>
	new Response(await resultsCsv(locals.actor, { spaceSlug: params.slug, moduleId: params.moduleId }), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="survey-${params.moduleId.slice(0, 8)}-results.csv"`
		}
	});
