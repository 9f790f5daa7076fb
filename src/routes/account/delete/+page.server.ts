/** Account deletion: the person confirms with their password → deleteAccount → signed out → confirmation page. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { failureStatus, requireUser } from '#lib/server/platform/auth/guards.ts';
import { signOut } from '#lib/server/platform/auth/commands/sign-out.ts';
import { deleteAccount } from '#lib/server/gdpr/delete-account.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = ({ locals, url }) => {
	requireUser(locals.actor, url, locals.locale);
	return {};
};

export const actions = {
	default: async ({ request, locals, url }) => {
		requireUser(locals.actor, url, locals.locale);
		const result = await deleteAccount(locals.actor, Object.fromEntries(await request.formData()));
		if (!result.ok) return fail(failureStatus(result.errors), { errors: result.errors });
		// The sessions are gone already; this clears the browser's cookie.
		await signOut(locals.actor, { headers: request.headers });
		redirect(303, localizedPath('/account/delete/done', locals.locale));
	}
} satisfies Actions;
