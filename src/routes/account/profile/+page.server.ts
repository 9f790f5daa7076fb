/** Profile form → updateProfile; a new language redirects to this page in that language. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '#lib/server/platform/auth/guards.ts';
import { myProfileForm } from '#lib/server/platform/auth/queries.ts';
import { updateProfile } from '#lib/server/platform/auth/commands/update-profile.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireUser(locals.actor, url, locals.locale);
	return { ...(await myProfileForm(locals.actor)), saved: url.searchParams.has('saved') };
};

export const actions = {
	default: async ({ request, locals, url }) => {
		requireUser(locals.actor, url, locals.locale);
		const input = Object.fromEntries(await request.formData());
		const result = await updateProfile(locals.actor, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		redirect(303, `${localizedPath('/account/profile', result.value.locale)}?saved=1`);
	}
} satisfies Actions;
