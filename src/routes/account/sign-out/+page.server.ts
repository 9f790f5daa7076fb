/** Sign-out: POST ends the session, then this page (GET) confirms it. */
import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { signOut } from '#lib/server/platform/auth/commands/sign-out.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const actions = {
	default: async ({ request, locals }) => {
		await signOut(locals.actor, { headers: request.headers });
		redirect(303, localizedPath('/account/sign-out', locals.locale));
	}
} satisfies Actions;
