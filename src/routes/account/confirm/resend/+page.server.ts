/** Asks for a new confirmation link; the answer is "check your e-mail" whatever the address. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { resendConfirmation } from '#lib/server/platform/auth/commands/resend-confirmation.ts';
import { failureStatus } from '#lib/server/platform/auth/guards.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { PENDING_EMAIL_COOKIE } from '../../sign-up/check-email/cookie.ts';

export const load: PageServerLoad = ({ url }) => ({ email: url.searchParams.get('email') ?? '' });

export const actions = {
	default: async ({ request, locals, cookies }) => {
		const input = Object.fromEntries(await request.formData());
		const result = await resendConfirmation(locals.actor, input);
		if (!result.ok) return fail(failureStatus(result.errors), { errors: result.errors, values: input });
		cookies.set(PENDING_EMAIL_COOKIE, result.value.email, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 3600 });
		redirect(303, localizedPath('/account/sign-up/check-email', locals.locale));
	}
} satisfies Actions;
