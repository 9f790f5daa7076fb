/** What the public and admin pages of the module show, each read authorised like a command. */
import { translate } from '#lib/i18n/index.ts';
import type { Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { can, loadModule } from '../../platform/modules/runtime.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { pages } from './manifest.ts';
import { renderMarkdown } from '../../platform/text/markdown.ts';
import { findPage, findPageBySlug, listPages } from './queries.ts';
import type { PagesGlobalSettings } from './settings.ts';

/** The module's pages in reading order, for a space addressed by slug (a module of another space is a 404). */
export async function viewPages(actor: Actor, { spaceSlug, moduleId }: { spaceSlug: string; moduleId: string }) {
	const db = await getDb();
	const { ctx, instance } = await loadModule(db, pages, moduleId);
	if (ctx.space.slug !== spaceSlug) throw new NotFoundError('module');
	authorize(can(actor, 'read', ctx, pages));
	const list = await listPages(db, moduleId);
	return {
		module: { id: instance.id, title: instance.title },
		settings: ctx.settings as PagesGlobalSettings,
		pages: list.map((p) => ({ id: p.id, slug: p.slug, title: p.title, updatedAt: p.updatedAt }))
	};
}

/** One page with its body rendered in the reader's locale (Romanian when not translated). */
export async function viewPage(
	actor: Actor,
	{ spaceSlug, moduleId, slug, locale }: { spaceSlug: string; moduleId: string; slug: string; locale: string }
) {
	const listing = await viewPages(actor, { spaceSlug, moduleId });
	const page = await findPageBySlug(await getDb(), moduleId, slug);
	if (!page) throw new NotFoundError('page');
	const body = translate(page.body, locale);
	return {
		...listing,
		page: {
			id: page.id,
			slug: page.slug,
			title: page.title,
			html: renderMarkdown(body.text),
			bodyLang: body.lang,
			bodyTranslated: body.translated,
			updatedAt: page.updatedAt
		}
	};
}

/** The admin list of a module's pages. */
export async function managePages(actor: Actor, { spaceId, moduleId }: { spaceId: string; moduleId: string }) {
	const db = await getDb();
	const { ctx, instance } = await loadModule(db, pages, moduleId);
	if (ctx.space.id !== spaceId) throw new NotFoundError('module');
	authorize(can(actor, 'manage', ctx, pages));
	return { module: instance, space: ctx.space, pages: await listPages(db, moduleId) };
}

/** One page as stored (every locale), for the edit form. */
export async function managePage(
	actor: Actor,
	{ spaceId, moduleId, pageId }: { spaceId: string; moduleId: string; pageId: string }
) {
	const listing = await managePages(actor, { spaceId, moduleId });
	const page = await findPage(await getDb(), moduleId, pageId);
	if (!page) throw new NotFoundError('page');
	return { ...listing, page };
}
