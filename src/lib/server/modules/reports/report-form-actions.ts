/**
 * The report form's page actions, shared by the citizen form (`/reports/new`) and the staff form for reports received
 * by phone, letter or at the counter (`/admin/reports/new`): check (step 1), send (after the duplicates step), and
 * edit (back to the form with everything kept). `createdPath` is where a registered report leads, in the locale.
 */
import { fail, redirect } from '@sveltejs/kit';
import { formValuesToEdit, submitReportForm } from './report-form.ts';

type FormEvent = { request: Request; locals: App.Locals };

export function reportFormActions(channel: 'web' | 'staff', createdPath: (reportId: string, locale: string) => string) {
	const submit = async ({ request, locals }: FormEvent, confirmed: boolean) => {
		const outcome = await submitReportForm(locals.actor, await request.formData(), {
			locale: locals.locale,
			confirmed,
			channel
		});
		if (outcome.step === 'created') redirect(303, createdPath(outcome.report.id, locals.locale));
		if (outcome.step === 'invalid') return fail(400, outcome);
		return outcome;
	};
	return {
		check: (event: FormEvent) => submit(event, false),
		send: (event: FormEvent) => submit(event, true),
		edit: async ({ request }: FormEvent) => ({
			step: 'edit' as const,
			values: formValuesToEdit(await request.formData())
		})
	};
}
