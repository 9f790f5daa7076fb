/** How the platform's comments see an announcement: where it lives and who may read and write its comments. */
import type { Actor } from '../../platform/actors/actor.ts';
import type { CommentTarget } from '../../platform/comments/index.ts';
import type { Db } from '../../platform/db/index.ts';
import type { AnyModule } from '../../platform/modules/define-module.ts';
import { can, loadModule } from '../../platform/modules/runtime.ts';
import { allow, deny } from '../../platform/permissions/index.ts';
import { isPublished, newsUrl, postWithSpace } from './queries.ts';
import type { NewsPhaseSettings } from './settings.ts';

export const newsCommentTarget =
	(manifest: AnyModule) =>
	async (db: Db, actor: Actor, postId: string): Promise<CommentTarget | null> => {
		const row = await postWithSpace(db, postId);
		if (!row) return null;
		const { ctx } = await loadModule(db, manifest, row.post.moduleId);
		const staff = can(actor, 'manage', ctx, manifest).allowed;
		// An unpublished announcement does not exist for readers, nor do its comments.
		if (!isPublished(row.post) && !staff) return null;
		const read = can(actor, 'read', ctx, manifest);
		const hidden = (ctx.phaseSettings as NewsPhaseSettings).comments === 'hidden' && !staff;
		return {
			spaceId: row.spaceId,
			moduleId: row.post.moduleId,
			title: row.post.title,
			url: newsUrl(row.spaceSlug, row.post.moduleId, row.post.id),
			authorIds: [],
			canRead: !read.allowed ? read : hidden ? deny('news_comments_hidden') : allow,
			canComment: !read.allowed ? read : can(actor, 'comment', ctx, manifest)
		};
	};
