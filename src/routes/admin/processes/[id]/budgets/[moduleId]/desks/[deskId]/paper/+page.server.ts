/** Paper-ballot entry at a desk: one staff member types a ballot from the box (serial, choices or invalid). */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { deskBallot, enterPaperBallot, paperInvalidReasons, readPaperForm } from '#lib/server/modules/budgets/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	done: url.searchParams.get('done'),
	serial: url.searchParams.get('serial'),
	entry: url.searchParams.get('entry'),
	reasons: [...paperInvalidReasons],
	...(await deskBallot(locals.actor, { spaceId: params.id, moduleId: params.moduleId, deskId: params.deskId }))
});

export const actions = {
	default: async ({ request, locals, params }) => {
		const input = readPaperForm(await request.formData());
		const result = await enterPaperBallot(locals.actor, { moduleId: params.moduleId, deskId: params.deskId }, input);
		if (!result.ok) return fail(400, { errors: result.errors, input });
		const { serial, entry, outcome } = result.value;
		const path = `/admin/processes/${params.id}/budgets/${params.moduleId}/desks/${params.deskId}/paper`;
		redirect(
			303,
			`${localizedPath(path, locals.locale)}?done=${outcome}&serial=${encodeURIComponent(serial)}&entry=${entry}`
		);
	}
} satisfies Actions;
