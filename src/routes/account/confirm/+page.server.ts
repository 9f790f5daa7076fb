/** The link from the confirmation e-mail: confirm, sign in, then move on so the token leaves the address bar. */
import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { confirmEmail } from '#lib/server/platform/auth/commands/confirm-email.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { PENDING_EMAIL_COOKIE } from '../sign-up/check-email/cookie.ts';

export const load: PageServerLoad = async ({ url, locals, request, cookies }) => {
	const result = await confirmEmail(
		locals.actor,
		{ token: url.searchParams.get('token') ?? '' },
		{ headers: request.headers }
	);
	if (result.ok) {
		cookies.delete(PENDING_EMAIL_COOKIE, { path: '/' });
		redirect(303, localizedPath('/account/confirm/done', locals.locale));
	}
	return { error: result.errors.token ?? 'account_confirm_invalid' };
};
