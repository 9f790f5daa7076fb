/** People blocked from commenting, and unblocking them. */
import type { Actions, PageServerLoad } from './$types';
import { unblockUser, viewCommentBlocks } from '#lib/server/platform/comments/index.ts';

export const load: PageServerLoad = async ({ locals }) => ({ blocks: await viewCommentBlocks(locals.actor) });

export const actions: Actions = {
	unblock: async ({ request, locals }) => {
		const form = await request.formData();
		await unblockUser(locals.actor, String(form.get('userId') ?? ''));
		return { unblocked: true };
	}
};
