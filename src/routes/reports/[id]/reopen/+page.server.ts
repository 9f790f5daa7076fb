/**
 * Public: the reopen page a reporter without an account reaches from the e-mail saying their report was fixed. The
 * key in the link is their proof (reopen-key.ts); a wrong one is a 403, and the form posts it back.
 */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { reopenReport, viewReopenByLink } from '#lib/server/modules/reports/index.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, params, url, setHeaders }) => {
	// The page is the key holder's own: never kept in a shared cache.
	setHeaders({ 'cache-control': 'private, no-store' });
	const key = url.searchParams.get('key') ?? '';
	return { key, locale: locals.locale, ...(await viewReopenByLink(locals.actor, params.id, key)) };
};

export const actions = {
	default: async ({ request, locals, params, url }) => {
		const form = await request.formData();
		const reason = form.get('reason');
		const key = form.get('key') ?? url.searchParams.get('key') ?? '';
		const { moduleId } = await viewReopenByLink(locals.actor, params.id, key);
		const result = await reopenReport(locals.actor, moduleId, params.id, { reason, key });
		if (!result.ok) return fail(400, { errors: result.errors, reason: typeof reason === 'string' ? reason : '' });
		redirect(303, `${localizedPath(`/reports/${params.id}`, locals.locale)}?done=reopened`);
	}
} satisfies Actions;
