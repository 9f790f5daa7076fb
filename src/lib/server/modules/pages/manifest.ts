/** The `pages` module manifest: static information pages in a space (rules, calendar, FAQ), translatable, in Markdown. */
import { count, eq } from 'drizzle-orm';
import { defineModule } from '../../platform/modules/define-module.ts';
import { countInModules } from '../../platform/modules/stats.ts';
import { pagesPages } from './schema.ts';
import { pagesGlobalSettings, pagesPhaseSettings } from './settings.ts';
import { pagesActions, pagesPermissions } from './permissions.ts';
import { markdownToText } from '../../platform/text/markdown.ts';
import { pagesWithSpace, pageUrl } from './queries.ts';
import { pageDocuments } from './search.ts';
import { seedPages } from './seeds.ts';

export const pages = defineModule({
	name: 'pages',
	titleKey: 'pages_module_name',
	settings: { global: pagesGlobalSettings, phase: pagesPhaseSettings },
	actions: pagesActions,
	defaultVerification: { read: null, manage: null },
	permissions: pagesPermissions,
	resources: [{ name: 'page', linkable: true }],
	exports: [
		{
			name: 'pages',
			description: 'Information pages published in participatory processes, in Romanian.',
			columns: [
				{ name: 'id', description: 'Stable identifier of the page.' },
				{ name: 'process', description: 'URL slug of the process the page belongs to.' },
				{ name: 'position', description: 'Order of the page within its module, from 0.' },
				{ name: 'title', description: 'Title in Romanian.' },
				{ name: 'text', description: 'Body as plain text, in Romanian.' },
				{ name: 'url', description: 'Path of the page on the site.' },
				{ name: 'updated_at', description: 'Last change, ISO 8601 in UTC.' }
			],
			async rows(db, moduleIds) {
				const rows = await pagesWithSpace(db, moduleIds);
				return rows
					.filter((r) => r.public)
					.map(({ page, spaceSlug }) => ({
						id: page.id,
						process: spaceSlug,
						position: page.position,
						title: page.title.ro,
						text: markdownToText(page.body.ro),
						url: pageUrl(spaceSlug, page.moduleId, page.slug),
						updated_at: page.updatedAt.toISOString()
					}));
			}
		}
	],
	stats: [
		{
			key: 'pages_count',
			primary: true,
			count: (db, moduleIds, range) =>
				countInModules(
					db,
					{ table: pagesPages, moduleId: pagesPages.moduleId, at: pagesPages.createdAt },
					moduleIds,
					range
				)
		}
	],
	search: [{ resource: 'page', documents: pageDocuments }],
	notifications: [{ key: 'pages_notification_page_published', recipients: 'followers' }],
	personalData: {
		// Pages are written by staff on behalf of the city: the only personal data is who wrote or last changed one.
		async exportFor(db, userId) {
			const rows = await db
				.select({ id: pagesPages.id, title: pagesPages.title })
				.from(pagesPages)
				.where(eq(pagesPages.createdBy, userId));
			const edited = await db
				.select({ id: pagesPages.id, title: pagesPages.title })
				.from(pagesPages)
				.where(eq(pagesPages.updatedBy, userId));
			return {
				pages_written: rows.map((r) => ({ id: r.id, title: r.title.ro })),
				pages_edited: edited.map((r) => ({ id: r.id, title: r.title.ro }))
			};
		},
		async anonymize(db, userId) {
			await db.update(pagesPages).set({ createdBy: null }).where(eq(pagesPages.createdBy, userId));
			await db.update(pagesPages).set({ updatedBy: null }).where(eq(pagesPages.updatedBy, userId));
		}
	},
	hooks: {
		async beforeDestroy(db, moduleId) {
			const [row] = await db.select({ n: count() }).from(pagesPages).where(eq(pagesPages.moduleId, moduleId));
			return (row?.n ?? 0) > 0 ? 'pages_error_unmount_has_pages' : null;
		}
	},
	seed: seedPages
});
