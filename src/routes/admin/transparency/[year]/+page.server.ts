/** Admin: the Law 52/2003 art. 13 annual report — indicators computed from the data, the rest entered by staff. */
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	readAnnualReportForm,
	reportYearValid,
	saveAnnualReport,
	viewAnnualReport
} from '#lib/server/modules/consultations/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

const yearOf = (raw: string) => {
	const year = Number(raw);
	if (!reportYearValid(year)) error(404, 'year');
	return year;
};

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	report: await viewAnnualReport(locals.actor, yearOf(params.year)),
	saved: url.searchParams.has('saved')
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const input = readAnnualReportForm(await request.formData());
		const result = await saveAnnualReport(locals.actor, yearOf(params.year), input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(303, `${localizedPath(`/admin/transparency/${params.year}`, locals.locale)}?saved=1`);
	}
} satisfies Actions;
