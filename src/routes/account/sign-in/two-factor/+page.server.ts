/** The second sign-in step (a code from the authenticator app or a backup code) → completeTwoFactorSignIn. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isUser } from '#lib/server/platform/actors/actor.ts';
import { completeTwoFactorSignIn } from '#lib/server/platform/auth/commands/complete-two-factor-sign-in.ts';
import { failureStatus } from '#lib/server/platform/auth/guards.ts';
import { safeNext } from '#lib/server/platform/auth/safe-next.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (isUser(locals.actor)) redirect(303, next ?? localizedPath('/account', locals.locale));
	return { next };
};

export const actions = {
	default: async ({ request, locals, url }) => {
		const input = Object.fromEntries(await request.formData());
		const result = await completeTwoFactorSignIn(locals.actor, input, { headers: request.headers });
		if (!result.ok)
			return fail(failureStatus(result.errors), { errors: result.errors, values: { method: input.method } });
		redirect(303, safeNext(url.searchParams.get('next')) ?? localizedPath('/account', locals.locale));
	}
} satisfies Actions;
