/** What the public and admin pages of the news module show, each read authorised like a command. */
import { translate } from '#lib/i18n/index.ts';
import type { Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { can, loadModule } from '../../platform/modules/runtime.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { renderMarkdown, markdownToText } from '../../platform/text/markdown.ts';
import { news } from './manifest.ts';
import { findPost, isPublished, listAll, listPublished, type NewsPost } from './queries.ts';
import type { NewsGlobalSettings, NewsPhaseSettings } from './settings.ts';
import { toBucharestLocal } from './forms.ts';

const excerpt = (text: string, max = 240) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

async function publicModule(actor: Actor, spaceSlug: string, moduleId: string) {
	const db = await getDb();
	const { ctx, instance } = await loadModule(db, news, moduleId);
	if (ctx.space.slug !== spaceSlug) throw new NotFoundError('module');
	authorize(can(actor, 'read', ctx, news));
	return { db, ctx, instance };
}

/** One page of published announcements, pinned first. */
export async function viewNewsList(
	actor: Actor,
	{ spaceSlug, moduleId, page = 1, locale }: { spaceSlug: string; moduleId: string; page?: number; locale: string }
) {
	const { db, ctx, instance } = await publicModule(actor, spaceSlug, moduleId);
	const settings = ctx.settings as NewsGlobalSettings;
	const current = Math.max(1, Math.floor(page) || 1);
	const { rows, total } = await listPublished(db, moduleId, { page: current, perPage: settings.perPage });
	return {
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		settings,
		page: current,
		pages: Math.max(1, Math.ceil(total / settings.perPage)),
		total,
		posts: rows.map((p) => ({
			id: p.id,
			title: p.title,
			excerpt: excerpt(markdownToText(translate(p.body, locale).text)),
			pinned: p.pinned,
			publishAt: p.publishAt!,
			imageFileId: settings.imagesInList ? p.imageFileId : null,
			imageAlt: p.imageAlt
		}))
	};
}

/** One announcement rendered in the reader's locale; drafts and scheduled posts are 404 for readers. */
export async function viewNewsPost(
	actor: Actor,
	{ spaceSlug, moduleId, postId, locale }: { spaceSlug: string; moduleId: string; postId: string; locale: string }
) {
	const { db, ctx, instance } = await publicModule(actor, spaceSlug, moduleId);
	const post = await findPost(db, moduleId, postId);
	if (!post || !isPublished(post)) throw new NotFoundError('news_post');
	const body = translate(post.body, locale);
	return {
		module: { id: instance.id, title: instance.title },
		space: ctx.space,
		comments: (ctx.phaseSettings as NewsPhaseSettings).comments,
		post: {
			id: post.id,
			title: post.title,
			html: renderMarkdown(body.text),
			bodyLang: body.lang,
			bodyTranslated: body.translated,
			pinned: post.pinned,
			publishAt: post.publishAt!,
			updatedAt: post.updatedAt,
			imageFileId: post.imageFileId,
			imageAlt: post.imageAlt
		}
	};
}

const status = (p: NewsPost) => (p.publishAt === null ? 'draft' : isPublished(p) ? 'published' : 'scheduled');

/** The admin list of a module's announcements with their state. */
export async function manageNews(actor: Actor, { spaceId, moduleId }: { spaceId: string; moduleId: string }) {
	const db = await getDb();
	const { ctx, instance } = await loadModule(db, news, moduleId);
	if (ctx.space.id !== spaceId) throw new NotFoundError('module');
	authorize(can(actor, 'manage', ctx, news));
	const rows = await listAll(db, moduleId);
	return {
		module: instance,
		space: ctx.space,
		posts: rows.map((p) => ({ id: p.id, title: p.title, pinned: p.pinned, publishAt: p.publishAt, status: status(p) }))
	};
}

/** One announcement as stored, as the edit form's values. */
export async function manageNewsPost(
	actor: Actor,
	{ spaceId, moduleId, postId }: { spaceId: string; moduleId: string; postId: string }
) {
	const { module, space } = await manageNews(actor, { spaceId, moduleId });
	const post = await findPost(await getDb(), moduleId, postId);
	if (!post) throw new NotFoundError('news_post');
	return {
		module,
		space,
		post: { id: post.id, imageFileId: post.imageFileId, status: status(post), announced: post.announcedAt !== null },
		values: {
			title: post.title,
			body: post.body,
			imageAlt: post.imageAlt ?? {},
			pinned: post.pinned,
			publish: post.publishAt === null ? 'draft' : isPublished(post) ? 'now' : 'later',
			publishAt: post.publishAt && !isPublished(post) ? toBucharestLocal(post.publishAt) : ''
		}
	};
}
