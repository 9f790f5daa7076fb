/** Supervisor: paper ballots whose two entries disagree, both readings side by side, and the authoritative reading. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	paperInvalidReasons,
	readPaperForm,
	resolvePaperMismatch,
	viewPaperMismatches
} from '#lib/server/modules/budgets/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	done: url.searchParams.get('done'),
	serial: url.searchParams.get('serial'),
	reasons: [...paperInvalidReasons],
	...(await viewPaperMismatches(locals.actor, { spaceId: params.id, moduleId: params.moduleId }))
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const input = readPaperForm(await request.formData());
		const result = await resolvePaperMismatch(locals.actor, { moduleId: params.moduleId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, input });
		const path = `/admin/processes/${params.id}/budgets/${params.moduleId}/desks/mismatches`;
		redirect(
			303,
			`${localizedPath(path, locals.locale)}?done=${result.value.outcome}&serial=${encodeURIComponent(result.value.serial)}`
		);
	}
} satisfies Actions;
