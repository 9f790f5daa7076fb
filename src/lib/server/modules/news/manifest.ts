/**
 * The `news` module manifest: announcements of a process, published now or at a set time, pinned or not, with
 * optional comments; followers of the process are told when one goes public.
 */
import { count, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { registerCommentable } from '../../platform/comments/index.ts';
import { fileUseResolvers } from '../../platform/files/read-file.ts';
import { defineModule } from '../../platform/modules/define-module.ts';
import { countInModules } from '../../platform/modules/stats.ts';
import { markdownToText } from '../../platform/text/markdown.ts';
import { newsCommentTarget } from './commentable.ts';
import { newsActions, newsPermissions } from './permissions.ts';
import { newsUrl, postsWithSpace } from './queries.ts';
import { newsPosts } from './schema.ts';
import { newsDocuments } from './search.ts';
import { seedNews } from './seeds.ts';
import { newsGlobalSettings, newsPhaseSettings } from './settings.ts';

const summaryOf = (body: Record<string, string | undefined>) =>
	Object.fromEntries(
		Object.entries(body).map(([l, md]) => {
			const text = markdownToText(md ?? '');
			return [l, text.length > 300 ? `${text.slice(0, 299)}…` : text];
		})
	) as { ro: string };

export const news = defineModule({
	name: 'news',
	titleKey: 'news_module_name',
	settings: { global: newsGlobalSettings, phase: newsPhaseSettings },
	actions: newsActions,
	defaultVerification: { read: null, comment: 'email', manage: null },
	permissions: newsPermissions,
	resources: [{ name: 'news_post', linkable: true }],
	exports: [
		{
			name: 'news',
			description: 'Announcements published in participatory processes, in Romanian.',
			columns: [
				{ name: 'id', description: 'Stable identifier of the announcement.' },
				{ name: 'process', description: 'URL slug of the process it belongs to.' },
				{ name: 'title', description: 'Title in Romanian.' },
				{ name: 'text', description: 'Body as plain text, in Romanian.' },
				{ name: 'pinned', description: 'Whether it is pinned at the top of the list.' },
				{ name: 'published_at', description: 'Publication time, ISO 8601 in UTC.' },
				{ name: 'url', description: 'Path of the announcement on the site.' }
			],
			async rows(db, moduleIds) {
				const rows = await postsWithSpace(db, moduleIds);
				return rows
					.filter((r) => r.public)
					.map(({ post, spaceSlug }) => ({
						id: post.id,
						process: spaceSlug,
						title: post.title.ro,
						text: markdownToText(post.body.ro),
						pinned: post.pinned,
						published_at: post.publishAt!.toISOString(),
						url: newsUrl(spaceSlug, post.moduleId, post.id)
					}));
			}
		}
	],
	stats: [
		{
			key: 'news_published',
			primary: true,
			// published posts, dated by when they went out
			count: (db, moduleIds, range) =>
				countInModules(
					db,
					{ table: newsPosts, moduleId: newsPosts.moduleId, at: newsPosts.publishAt },
					moduleIds,
					range,
					[isNotNull(newsPosts.publishAt), lte(newsPosts.publishAt, sql`now()`)]
				)
		}
	],
	search: [{ resource: 'news_post', documents: newsDocuments }],
	notifications: [{ key: 'news_notification_published', recipients: 'followers' }],
	personalData: {
		// Announcements are written by staff for the city: the only personal data is who wrote or changed one.
		async exportFor(db, userId) {
			const written = await db
				.select({ id: newsPosts.id, title: newsPosts.title })
				.from(newsPosts)
				.where(eq(newsPosts.createdBy, userId));
			const edited = await db
				.select({ id: newsPosts.id, title: newsPosts.title })
				.from(newsPosts)
				.where(eq(newsPosts.updatedBy, userId));
			return {
				news_written: written.map((r) => ({ id: r.id, title: r.title.ro })),
				news_edited: edited.map((r) => ({ id: r.id, title: r.title.ro }))
			};
		},
		async anonymize(db, userId) {
			await db.update(newsPosts).set({ createdBy: null }).where(eq(newsPosts.createdBy, userId));
			await db.update(newsPosts).set({ updatedBy: null }).where(eq(newsPosts.updatedBy, userId));
		}
	},
	hooks: {
		async beforeDestroy(db, moduleId) {
			const [row] = await db.select({ n: count() }).from(newsPosts).where(eq(newsPosts.moduleId, moduleId));
			return (row?.n ?? 0) > 0 ? 'news_error_unmount_has_posts' : null;
		}
	},
	seed: seedNews,
	async feed(db, moduleIds, since) {
		const rows = await postsWithSpace(db, moduleIds);
		return rows
			.filter((r) => r.public && r.post.publishAt! >= since)
			.map(({ post, spaceSlug }) => ({
				key: `news_post:${post.id}`,
				title: post.title,
				summary: summaryOf(post.body),
				path: newsUrl(spaceSlug, post.moduleId, post.id),
				published: post.publishAt!,
				updated: post.updatedAt > post.publishAt! ? post.updatedAt : post.publishAt!
			}));
	}
});

registerCommentable('news_post', newsCommentTarget(news));

// An announcement's image is public exactly when the announcement is.
fileUseResolvers.push(async (db, fileId) => {
	const rows = await db
		.select({ post: newsPosts.id, moduleId: newsPosts.moduleId })
		.from(newsPosts)
		.where(eq(newsPosts.imageFileId, fileId));
	if (!rows.length) return [];
	const withSpace = await postsWithSpace(
		db,
		rows.map((r) => r.moduleId)
	);
	return withSpace.filter((r) => r.post.imageFileId === fileId).map((r) => ({ spaceId: r.spaceId, public: r.public }));
});
