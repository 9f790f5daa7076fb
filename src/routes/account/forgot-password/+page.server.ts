/** "Forgot your password?" → requestPasswordReset; the next page says the same whether or not the address exists. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { requestPasswordReset } from '#lib/server/platform/auth/commands/request-password-reset.ts';
import { failureStatus } from '#lib/server/platform/auth/guards.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const actions = {
	default: async ({ request, locals }) => {
		const input = Object.fromEntries(await request.formData());
		const result = await requestPasswordReset(locals.actor, input);
		if (!result.ok) return fail(failureStatus(result.errors), { errors: result.errors, values: input });
		redirect(303, localizedPath('/account/forgot-password/sent', locals.locale));
	}
} satisfies Actions;
