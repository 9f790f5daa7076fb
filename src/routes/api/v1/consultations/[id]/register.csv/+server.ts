/** The public register of recommendations of a consultation as CSV (`{id}`: module id or space slug); no contact data. */
import type { RequestHandler } from './$types';
import { registerForApi } from '#lib/server/modules/consultations/index.ts';
import { toCsv } from '#lib/server/platform/http/csv.ts';

const columns = ['number', 'received_on', 'channel', 'late', 'author', 'article', 'text', 'outcome', 'outcome_reason'];

export const GET: RequestHandler = async ({ locals, params }) => {
	const register = await registerForApi(locals.actor, params.id);
	return new Response(toCsv(register.entries, columns), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="register-${register.space.slug}.csv"`
		}
	});
};
