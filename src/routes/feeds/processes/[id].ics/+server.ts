/** GET /feeds/processes/{id or slug}.ics: the meetings of a process as a calendar to subscribe to (RFC 5545). */
import type { RequestHandler } from './$types';
import { processCalendar } from '#lib/server/modules/meetings/index.ts';

export const GET: RequestHandler = async ({ locals, params }) => {
	const { text, fileName } = await processCalendar(locals.actor, params.id);
	return new Response(text, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `inline; filename="${fileName}"`,
			'cache-control': 'private, max-age=300'
		}
	});
};
