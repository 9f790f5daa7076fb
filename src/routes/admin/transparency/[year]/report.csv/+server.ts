/** Admin: the annual Law 52/2003 report as CSV, one line per indicator (a)–(g). */
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { annualReportRows, reportYearValid, viewAnnualReport } from '#lib/server/modules/consultations/index.ts';
import { toCsv } from '#lib/server/platform/http/csv.ts';

export const GET: RequestHandler = async ({ locals, params }) => {
	const year = Number(params.year);
	if (!reportYearValid(year)) error(404, 'year');
	const rows = annualReportRows(await viewAnnualReport(locals.actor, year));
	return new Response(toCsv(rows, ['year', 'indicator', 'description', 'value']), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="law-52-2003-report-${year}.csv"`
		}
	});
};
