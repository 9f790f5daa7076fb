/** Sign-up form → signUp; success goes to "check your e-mail" (the address travels in a short-lived cookie). */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isUser } from '#lib/server/platform/actors/actor.ts';
import { signUp } from '#lib/server/platform/auth/commands/sign-up.ts';
import { failureStatus } from '#lib/server/platform/auth/guards.ts';
import { PASSWORD_MIN_LENGTH } from '#lib/server/platform/auth/auth.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { PENDING_EMAIL_COOKIE } from './check-email/cookie.ts';

export const load: PageServerLoad = ({ locals }) => {
	if (isUser(locals.actor)) redirect(303, localizedPath('/account', locals.locale));
	return { passwordMinLength: PASSWORD_MIN_LENGTH };
};

export const actions = {
	default: async ({ request, locals, cookies }) => {
		const input = Object.fromEntries(await request.formData());
		const result = await signUp(locals.actor, input, { headers: request.headers });
		const { password: _password, ...values } = input;
		if (!result.ok) return fail(failureStatus(result.errors), { errors: result.errors, values });
		cookies.set(PENDING_EMAIL_COOKIE, result.value.email, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 3600 });
		redirect(303, localizedPath('/account/sign-up/check-email', locals.locale));
	}
} satisfies Actions;
