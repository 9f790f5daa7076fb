import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person, processWithThreePhases } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { auditLog, follows, notifications, searchDocuments } from '../../platform/db/schema.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { unmountModule } from '../../platform/spaces/commands/unmount-module.ts';
import { publishProcessAndModules } from '../../spaces-runtime/admin.ts';
import { processPage } from '../../spaces-runtime/process-view.ts';
import { createPage } from './commands/create-page.ts';
import { deletePage } from './commands/delete-page.ts';
import { movePage } from './commands/move-page.ts';
import { updatePage } from './commands/update-page.ts';
import { pages } from './index.ts';
import { listPages } from './queries.ts';
import { pagesPages } from './schema.ts';
import { viewPage, viewPages } from './views.ts';

const database = useTestDatabase();
const db = () => database().db;

async function pagesModule(admin: Actor, { publish = true } = {}) {
	const process = await processWithThreePhases(admin);
	const mounted = await mountModule(
		admin,
		{ spaceId: process.spaceId, manifest: pages },
		{ title: { ro: 'Informații' } }
	);
	if (!mounted.ok) throw new Error(JSON.stringify(mounted.errors));
	const moduleId = mounted.value.id;
	if (publish) {
		await configureModule(
			admin,
			{ spaceId: process.spaceId, moduleId, manifest: pages },
			{ title: { ro: 'Informații' }, published: true, settings: {}, phaseSettings: {}, requiredVerifications: {} }
		);
		await publishProcessAndModules(admin, process.spaceId);
	}
	return { ...process, moduleId };
}

const page = (ro: string, body = 'Text **important**.') => ({ title: { ro, en: `${ro} (en)` }, body: { ro: body } });

describe('information pages', () => {
	it('are written, listed in order, rendered from Markdown and indexed for search', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await pagesModule(admin);
		const first = await createPage(admin, { moduleId }, page('Regulament și calendar'));
		expect(first).toMatchObject({ ok: true, value: { slug: 'regulament-si-calendar' } });
		await createPage(admin, { moduleId }, page('Întrebări frecvente', '## Cine?\n\n<script>alert(1)</script>Oricine.'));
		const list = await viewPages(anonymous(), { spaceSlug: slug, moduleId });
		expect(list.pages.map((p) => p.title.ro)).toEqual(['Regulament și calendar', 'Întrebări frecvente']);
		const faq = await viewPage(anonymous(), { spaceSlug: slug, moduleId, slug: 'intrebari-frecvente', locale: 'en' });
		expect(faq.page.html).toContain('<h2>Cine?</h2>');
		expect(faq.page.html).not.toContain('script');
		expect(faq.page).toMatchObject({ bodyTranslated: false, bodyLang: 'ro' });
		const docs = await db().select().from(searchDocuments).where(eq(searchDocuments.resourceType, 'page'));
		expect(docs.map((d) => [d.locale, d.visibility, d.url]).sort()).toEqual(
			[
				['en', 'public', `/processes/${slug}/pages/${moduleId}/intrebari-frecvente`],
				['en', 'public', `/processes/${slug}/pages/${moduleId}/regulament-si-calendar`],
				['ro', 'public', `/processes/${slug}/pages/${moduleId}/intrebari-frecvente`],
				['ro', 'public', `/processes/${slug}/pages/${moduleId}/regulament-si-calendar`]
			].sort()
		);
		expect(docs.find((d) => d.locale === 'ro' && d.title === 'Întrebări frecvente')?.body).toBe('Cine? Oricine.');
	});

	it('are edited, reordered and deleted, each change audited', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await pagesModule(admin);
		const a = await createPage(admin, { moduleId }, page('A'));
		const b = await createPage(admin, { moduleId }, page('B'));
		const c = await createPage(admin, { moduleId }, page('C'));
		const [idA, idB, idC] = [a, b, c].map((r) => (r.ok ? r.value.id : ''));
		await movePage(admin, { moduleId, pageId: idC, direction: 'up' });
		expect((await listPages(db(), moduleId)).map((p) => p.title.ro)).toEqual(['A', 'C', 'B']);
		expect(await updatePage(admin, { moduleId, pageId: idB }, { ...page('B2'), slug: 'a' })).toEqual({
			ok: false,
			errors: { slug: 'processes_error_slug_taken' }
		});
		expect(await updatePage(admin, { moduleId, pageId: idB }, { ...page('B2'), slug: 'b-doi' })).toEqual({
			ok: true,
			value: { slug: 'b-doi' }
		});
		await deletePage(admin, { moduleId, pageId: idA });
		const left = await listPages(db(), moduleId);
		expect(left.map((p) => [p.position, p.title.ro, p.slug])).toEqual([
			[0, 'C', 'c'],
			[1, 'B2', 'b-doi']
		]);
		expect(await db().select().from(searchDocuments).where(eq(searchDocuments.resourceId, idA))).toHaveLength(0);
		const actions = (await db().select().from(auditLog)).map((r) => r.action);
		expect(actions).toEqual(expect.arrayContaining(['page.create', 'page.move', 'page.update', 'page.delete']));
	});

	it('require a Romanian title and body', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await pagesModule(admin);
		expect(await createPage(admin, { moduleId }, { title: { ro: '' }, body: { ro: ' ' } })).toEqual({
			ok: false,
			errors: { title_ro: 'validation_required', body_ro: 'validation_required' }
		});
	});

	it('are written only by process managers and the space’s administrators', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId } = await pagesModule(admin);
		await expect(createPage(await person(), { moduleId }, page('X'))).rejects.toBeInstanceOf(ForbiddenError);
		await expect(createPage(await person(['moderator']), { moduleId }, page('X'))).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const spaceAdmin = await person([], { spaceRoles: { [spaceId]: ['admin'] } });
		expect((await createPage(spaceAdmin, { moduleId }, page('Y'))).ok).toBe(true);
	});

	it('stay hidden from the public while the module is unpublished or the phase hides them', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug, spaceId, phaseIds } = await pagesModule(admin, { publish: false });
		await createPage(admin, { moduleId }, page('Ciornă'));
		await publishProcessAndModules(admin, spaceId);
		await expect(viewPages(anonymous(), { spaceSlug: slug, moduleId })).rejects.toBeInstanceOf(ForbiddenError);
		expect((await viewPages(admin, { spaceSlug: slug, moduleId })).pages).toHaveLength(1);
		expect(
			(await db().select().from(searchDocuments).where(eq(searchDocuments.resourceType, 'page')))[0].visibility
		).toBe('staff');
		await configureModule(
			admin,
			{ spaceId, moduleId, manifest: pages },
			{
				title: { ro: 'Informații' },
				published: true,
				settings: {},
				phaseSettings: { [phaseIds[1]]: { visible: false } },
				requiredVerifications: {}
			}
		);
		await expect(viewPages(anonymous(), { spaceSlug: slug, moduleId })).rejects.toBeInstanceOf(ForbiddenError);
		const view = await processPage(anonymous(), slug);
		expect(view.tabs).toHaveLength(0);
		expect(view.canDoNow).toHaveLength(0);
	});

	it('show on the process page as a tab and as something a citizen can do now', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await pagesModule(admin);
		const view = await processPage(anonymous(), slug);
		expect(view.tabs.map((t) => t.id)).toEqual([moduleId]);
		expect(view.canDoNow).toEqual([
			{
				moduleId,
				kind: 'pages',
				action: 'read',
				labelKey: 'pages_action_read',
				verification: null,
				allowedForViewer: true
			}
		]);
		expect(view.timeline.current?.title.ro).toBe('Vot');
	});

	it('tell followers of a public process about a new page', async () => {
		const admin = await person(['admin']);
		const follower = await person();
		const { moduleId, spaceId } = await pagesModule(admin);
		await db().insert(follows).values({ userId: follower.id, resourceType: 'space', resourceId: spaceId });
		await createPage(admin, { moduleId }, page('Noutăți'));
		const [note] = await db().select().from(notifications).where(eq(notifications.userId, follower.id));
		expect(note).toMatchObject({ key: 'pages_notification_page_published' });
		expect(note.link).toMatch(/\/pages\/.+\/noutati$/);
	});

	it('export public pages as open data, count them, and keep the module while pages exist', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId, slug } = await pagesModule(admin);
		await createPage(admin, { moduleId }, page('Regulament', 'Text cu **bold**.'));
		const rows = await pages.exports[0].rows(db(), [moduleId]);
		expect(rows).toEqual([
			expect.objectContaining({ process: slug, title: 'Regulament', text: 'Text cu bold.', position: 0 })
		]);
		expect(Object.keys(rows[0]).sort()).toEqual(pages.exports[0].columns.map((c) => c.name).sort());
		expect(await pages.stats[0].count(db(), [moduleId])).toBe(1);
		expect(await unmountModule(admin, { spaceId, moduleId, manifest: pages })).toEqual({
			ok: false,
			errors: { _form: 'pages_error_unmount_has_pages' }
		});
	});

	it('export and anonymise the staff member who wrote a page', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await pagesModule(admin);
		await createPage(admin, { moduleId }, page('Despre'));
		expect(await pages.personalData.exportFor(db(), admin.id)).toMatchObject({
			pages_written: [{ title: 'Despre' }]
		});
		await pages.personalData.anonymize(db(), admin.id);
		const [row] = await db().select().from(pagesPages);
		expect(row).toMatchObject({ createdBy: null, updatedBy: null, title: { ro: 'Despre' } });
	});
});
