/** GET /api/v1/meetings/{id}.ics: one meeting as an iCalendar file (RFC 5545). */
import type { RequestHandler } from './$types';
import { meetingCalendar } from '#lib/server/modules/meetings/index.ts';

export const GET: RequestHandler = async ({ locals, params }) => {
	const { text, fileName } = await meetingCalendar(locals.actor, params.id);
	return new Response(text, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${fileName}"`,
			'cache-control': 'private, max-age=300'
		}
	});
};
