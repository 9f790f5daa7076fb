/** A moderator decides on one comment: hide (with reason), restore, dismiss the reports, block the author. */
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { safeNext } from '#lib/server/platform/auth/safe-next.ts';
import {
	blockUser,
	dismissReports,
	hideComment,
	restoreComment,
	viewCommentForModeration
} from '#lib/server/platform/comments/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => ({
	...(await viewCommentForModeration(locals.actor, params.id)),
	returnTo: safeNext(url.searchParams.get('returnTo'))
});

const reasonOf = async (request: Request) => ({ reason: String((await request.formData()).get('reason') ?? '') });

export const actions: Actions = {
	hide: async ({ request, locals, params }) => {
		const input = await reasonOf(request);
		const result = await hideComment(locals.actor, params.id, input);
		return result.ok
			? { done: 'hidden' as const }
			: fail(400, { errors: result.errors, action: 'hide', values: input });
	},
	restore: async ({ locals, params }) => {
		const result = await restoreComment(locals.actor, params.id);
		return result.ok ? { done: 'restored' as const } : fail(400, { errors: result.errors, action: 'restore' });
	},
	dismiss: async ({ locals, params }) => {
		await dismissReports(locals.actor, params.id);
		return { done: 'dismissed' as const };
	},
	block: async ({ request, locals, params }) => {
		const input = await reasonOf(request);
		const { comment } = await viewCommentForModeration(locals.actor, params.id);
		const result = await blockUser(locals.actor, comment.authorId ?? '', input);
		return result.ok
			? { done: 'blocked' as const }
			: fail(400, { errors: result.errors, action: 'block', values: input });
	}
};
