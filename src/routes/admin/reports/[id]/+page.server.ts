/** One report as its department sees it, with every staff action as a plain form (each redirects back when done). */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import {
	staffReport,
	updateReport,
	addInternalNote,
	assignReport,
	rerouteReport,
	forwardReport,
	extendDeadline,
	mergeReports,
	hideReport,
	restoreReport,
	type ReportState
} from '#lib/server/modules/reports/index.ts';
import type { Result } from '#lib/server/platform/result.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await staffReport(locals.actor, params.id)),
	done: url.searchParams.get('done')
});

type Run = (form: FormData, e: RequestEvent) => Promise<Result<unknown>>;

/** Form fields are named `<action>_<field>` so that the page's forms never share an id. */
const act = (name: string, run: Run) => async (e: RequestEvent) => {
	const form = await e.request.formData();
	const result = await run(form, e);
	if (!result.ok) {
		const errors = Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [`${name}_${k}`, v]));
		const values = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string'));
		return fail(400, { action: name, errors, values });
	}
	redirect(303, `?done=${name}`);
};
const str = (form: FormData, key: string) => String(form.get(key) ?? '');

export const actions = {
	update: act('update', (f, { locals, params }) =>
		updateReport(locals.actor, params.id, {
			state: (str(f, 'update_state') || undefined) as ReportState | undefined,
			text: str(f, 'update_text'),
			reason: str(f, 'update_reason') || undefined,
			expectedState: (str(f, 'update_expectedState') || undefined) as ReportState | undefined,
			photos: f.getAll('update_photos').filter((p): p is File => p instanceof File)
		})
	),
	note: act('note', (f, { locals, params }) => addInternalNote(locals.actor, params.id, { note: str(f, 'note_note') })),
	assign: act('assign', (f, { locals, params }) =>
		assignReport(locals.actor, params.id, str(f, 'assign_assigneeId') || null)
	),
	reroute: act('reroute', (f, { locals, params }) =>
		rerouteReport(locals.actor, params.id, {
			categoryId: str(f, 'reroute_categoryId'),
			departmentId: str(f, 'reroute_departmentId')
		})
	),
	forward: act('forward', (f, { locals, params }) =>
		forwardReport(locals.actor, params.id, { body: str(f, 'forward_body'), text: str(f, 'forward_text') })
	),
	extend: act('extend', (f, { locals, params }) =>
		extendDeadline(locals.actor, params.id, { days: str(f, 'extend_days'), reason: str(f, 'extend_reason') })
	),
	merge: act('merge', (f, { locals, params }) => mergeReports(locals.actor, params.id, str(f, 'merge_keep'))),
	hide: act('hide', (f, { locals, params }) => hideReport(locals.actor, params.id, { reason: str(f, 'hide_reason') })),
	restore: act('restore', (f, { locals, params }) =>
		restoreReport(locals.actor, params.id, { reason: str(f, 'restore_reason') })
	)
} satisfies Actions;
