/** Public: one announcement, with its comments when the phase shows them. */
import type { PageServerLoad } from './$types';
import { viewNewsPost } from '#lib/server/modules/news/index.ts';
import { viewComments } from '#lib/server/platform/comments/index.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const view = await viewNewsPost(locals.actor, {
		spaceSlug: params.slug,
		moduleId: params.moduleId,
		postId: params.postId,
		locale: locals.locale
	});
	return {
		slug: params.slug,
		...view,
		comments: await viewComments(locals.actor, { resourceType: 'news_post', resourceId: params.postId, url })
	};
};
