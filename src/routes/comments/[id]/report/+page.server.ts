/** A person reports a comment: the reasons form, then a confirmation with the way back to the thread. */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { safeNext } from '#lib/server/platform/auth/safe-next.ts';
import { reportComment, viewCommentForReport } from '#lib/server/platform/comments/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await viewCommentForReport(locals.actor, params.id)),
	returnTo: safeNext(url.searchParams.get('returnTo'))
});

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const form = await request.formData();
		const input = { reason: String(form.get('reason') ?? ''), details: String(form.get('details') ?? '') };
		const result = await reportComment(locals.actor, params.id, input);
		if (!result.ok) return fail(400, { errors: result.errors, values: input });
		return { done: true, reported: result.value.reported };
	}
};
