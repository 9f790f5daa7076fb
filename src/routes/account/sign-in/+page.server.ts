/** Sign-in form → signIn; then the two-factor step, or back to `next` (same site only), or the account page. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isUser } from '#lib/server/platform/actors/actor.ts';
import { signIn } from '#lib/server/platform/auth/commands/sign-in.ts';
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
		const result = await signIn(locals.actor, input, { headers: request.headers });
		const values = { email: input.email };
		if (!result.ok) return fail(failureStatus(result.errors), { errors: result.errors, values });
		const next = safeNext(url.searchParams.get('next'));
		if (result.value.step === 'two-factor') {
			const query = next ? `?next=${encodeURIComponent(next)}` : '';
			redirect(303, `${localizedPath('/account/sign-in/two-factor', locals.locale)}${query}`);
		}
		redirect(303, next ?? localizedPath('/account', locals.locale));
	}
} satisfies Actions;
