/** The author edits a comment: the form, then back to the thread at the comment. */
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { safeNext } from '#lib/server/platform/auth/safe-next.ts';
import { localizedPath } from '#lib/server/platform/i18n.ts';
import { editComment, viewCommentForEdit } from '#lib/server/platform/comments/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await viewCommentForEdit(locals.actor, params.id)),
	returnTo: safeNext(url.searchParams.get('returnTo'))
});

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const input = { body: String(form.get('body') ?? ''), alignment: String(form.get('alignment') ?? '') || undefined };
		const result = await editComment(locals.actor, params.id, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		const to = safeNext(String(form.get('returnTo') ?? '')) ?? localizedPath('/', locals.locale);
		redirect(303, `${to.split('#')[0]}#comment-${params.id}`);
	}
};
