/** Public: report a problem (step 1: the form; step 2, when needed: possible duplicates with "me too"; then send). */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { submitReportForm, viewReportForm } from '#lib/server/modules/reports/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals }) => ({
	...(await viewReportForm(locals.actor)),
	locale: locals.locale
});

async function submit(request: Request, locals: App.Locals, confirmed: boolean) {
	const outcome = await submitReportForm(locals.actor, await request.formData(), { locale: locals.locale, confirmed });
	if (outcome.step === 'created') redirect(303, localizedPath(`/reports/${outcome.report.id}/sent`, locals.locale));
	if (outcome.step === 'invalid') return fail(400, outcome);
	return outcome;
}

export const actions = {
	check: ({ request, locals }) => submit(request, locals, false),
	send: ({ request, locals }) => submit(request, locals, true),
	// "Change my report" from the duplicates step: back to the form with everything kept.
	edit: async ({ request }) => {
		const form = await request.formData();
		const fields: Record<string, string | string[]> = {};
		for (const [key] of form.entries())
			if (key !== 'carried_photo') {
				const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
				fields[key] = all.length > 1 ? all : (all[0] ?? '');
			}
		const photos = form.getAll('carried_photo').filter((v): v is string => typeof v === 'string');
		return { step: 'edit' as const, values: { fields, photos } };
	}
} satisfies Actions;
