/** The link from the reset e-mail: choose a new password → resetPassword → confirmation page. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { resetPassword } from '#lib/server/platform/auth/commands/reset-password.ts';
import { PASSWORD_MIN_LENGTH } from '#lib/server/platform/auth/auth.ts';
import { failureStatus } from '#lib/server/platform/auth/guards.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = ({ url }) => ({
	token: url.searchParams.get('token') ?? '',
	passwordMinLength: PASSWORD_MIN_LENGTH
});

export const actions = {
	default: async ({ request, locals }) => {
		const input = Object.fromEntries(await request.formData());
		const result = await resetPassword(locals.actor, input);
		if (!result.ok) return fail(failureStatus(result.errors), { errors: result.errors });
		redirect(303, localizedPath('/account/reset-password/done', locals.locale));
	}
} satisfies Actions;
