import { eq } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person, processWithThreePhases } from '../../../../../tests/support/spaces.ts';
import { anonymous, type Actor } from '../../platform/actors/actor.ts';
import { auditLog, follows, notifications, searchDocuments } from '../../platform/db/schema.ts';
import { processFeed } from '../../platform/feeds/process-feed.ts';
import { NotFoundError } from '../../platform/result.ts';
import { configureModule } from '../../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../../platform/spaces/commands/mount-module.ts';
import { unmountModule } from '../../platform/spaces/commands/unmount-module.ts';
import { publishProcessAndModules } from '../../spaces-runtime/admin.ts';
import { modules } from '../../registry.ts';
import { announceDueNews, announceNewsPost } from './commands/announce-news-post.ts';
import { createNewsPost } from './commands/create-news-post.ts';
import { deleteNewsPost } from './commands/delete-news-post.ts';
import { updateNewsPost } from './commands/update-news-post.ts';
import { bucharestTime } from './forms.ts';
import { news } from './index.ts';
import { newsPosts } from './schema.ts';
import { manageNews, manageNewsPost, viewNewsList, viewNewsPost } from './views.ts';

const database = useTestDatabase();
const db = () => database().db;

async function newsModule(admin: Actor, { publish = true } = {}) {
	const process = await processWithThreePhases(admin);
	const mounted = await mountModule(admin, { spaceId: process.spaceId, manifest: news }, { title: { ro: 'Noutăți' } });
	if (!mounted.ok) throw new Error(JSON.stringify(mounted.errors));
	const moduleId = mounted.value.id;
	if (publish) {
		await configureModule(
			admin,
			{ spaceId: process.spaceId, moduleId, manifest: news },
			{ title: { ro: 'Noutăți' }, published: true, settings: {}, phaseSettings: {}, requiredVerifications: {} }
		);
		await publishProcessAndModules(admin, process.spaceId);
	}
	return { ...process, moduleId };
}

const post = (ro: string, extra: Record<string, unknown> = {}) => ({
	title: { ro, en: `${ro} (en)` },
	body: { ro: 'Text **important** despre cartierul Fabric.' },
	imageAlt: { ro: '' },
	publish: 'now' as const,
	...extra
});
const idOf = (r: { ok: boolean; value?: { id: string } }) => (r.ok ? r.value!.id : '');

describe('news', () => {
	it('publishes an announcement now: readers see it, followers are told once, search indexes it', async () => {
		const admin = await person(['admin']);
		const follower = await person();
		const { moduleId, slug, spaceId } = await newsModule(admin);
		await db().insert(follows).values({ userId: follower.id, resourceType: 'space', resourceId: spaceId });
		const created = await createNewsPost(admin, { moduleId }, post('Au început propunerile'));
		expect(created.ok).toBe(true);
		const list = await viewNewsList(anonymous(), { spaceSlug: slug, moduleId, locale: 'ro' });
		expect(list.posts.map((p) => [p.title.ro, p.excerpt])).toEqual([
			['Au început propunerile', 'Text important despre cartierul Fabric.']
		]);
		const page = await viewNewsPost(anonymous(), { spaceSlug: slug, moduleId, postId: idOf(created), locale: 'ro' });
		expect(page.post.html).toContain('<strong>important</strong>');
		const notes = await db().select().from(notifications).where(eq(notifications.userId, follower.id));
		expect(notes).toMatchObject([
			{ key: 'news_notification_published', link: `/processes/${slug}/news/${moduleId}/${idOf(created)}` }
		]);
		// The author is not told about their own announcement, and a second pass announces nothing again.
		expect(await db().select().from(notifications).where(eq(notifications.userId, admin.id))).toHaveLength(0);
		expect(await announceDueNews(db())).toBe(0);
		const docs = await db().select().from(searchDocuments).where(eq(searchDocuments.resourceType, 'news_post'));
		expect(docs.map((d) => [d.locale, d.visibility]).sort()).toEqual([
			['en', 'public'],
			['ro', 'public']
		]);
	});

	it('keeps a scheduled announcement hidden until its time, then the scheduler announces it exactly once', async () => {
		const admin = await person(['admin']);
		const follower = await person();
		const { moduleId, slug, spaceId } = await newsModule(admin);
		await db().insert(follows).values({ userId: follower.id, resourceType: 'space', resourceId: spaceId });
		const created = await createNewsPost(
			admin,
			{ moduleId },
			post('Începe votul', { publish: 'later', publishAt: '2099-03-01T18:00' })
		);
		const id = idOf(created);
		const [row] = await db().select().from(newsPosts).where(eq(newsPosts.id, id));
		// 18:00 in Timișoara in March is 16:00 UTC (EET, +2).
		expect(row.publishAt?.toISOString()).toBe('2099-03-01T16:00:00.000Z');
		expect((await viewNewsList(anonymous(), { spaceSlug: slug, moduleId, locale: 'ro' })).posts).toHaveLength(0);
		await expect(
			viewNewsPost(anonymous(), { spaceSlug: slug, moduleId, postId: id, locale: 'ro' })
		).rejects.toBeInstanceOf(NotFoundError);
		expect((await manageNews(admin, { spaceId, moduleId })).posts[0].status).toBe('scheduled');
		expect((await manageNewsPost(admin, { spaceId, moduleId, postId: id })).values.publishAt).toBe('2099-03-01T18:00');
		expect(await announceDueNews(db())).toBe(0);
		const staffDoc = await db().select().from(searchDocuments).where(eq(searchDocuments.resourceId, id));
		expect(staffDoc.every((d) => d.visibility === 'staff')).toBe(true);

		// Its time comes: two scheduler runs at the same moment still announce it once.
		await db()
			.update(newsPosts)
			.set({ publishAt: new Date(Date.now() - 1000) })
			.where(eq(newsPosts.id, id));
		const results = await Promise.all([announceNewsPost(db(), id), announceNewsPost(db(), id), announceDueNews(db())]);
		expect(results.filter((r) => (typeof r === 'number' ? r > 0 : r.announced))).toHaveLength(1);
		expect(await db().select().from(notifications).where(eq(notifications.userId, follower.id))).toHaveLength(1);
		expect((await viewNewsList(anonymous(), { spaceSlug: slug, moduleId, locale: 'ro' })).posts).toHaveLength(1);
		const doc = await db().select().from(searchDocuments).where(eq(searchDocuments.resourceId, id));
		expect(doc.every((d) => d.visibility === 'public')).toBe(true);
	});

	it('lists pinned announcements first, then the newest, a page at a time', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug, spaceId } = await newsModule(admin);
		for (let i = 1; i <= 12; i++) await createNewsPost(admin, { moduleId }, post(`Anunț ${i}`));
		await createNewsPost(admin, { moduleId }, post('Important', { pinned: true }));
		// Spread publication times so the order is defined by them, not by insertion.
		const rows = await db().select().from(newsPosts).where(eq(newsPosts.moduleId, moduleId));
		for (const r of rows) {
			const n = Number(r.title.ro.replace('Anunț ', '')) || 0;
			await db()
				.update(newsPosts)
				.set({ publishAt: new Date(Date.now() - (100 - n) * 60_000) })
				.where(eq(newsPosts.id, r.id));
		}
		const first = await viewNewsList(anonymous(), { spaceSlug: slug, moduleId, locale: 'ro' });
		expect(first.pages).toBe(2);
		expect(first.posts.map((p) => p.title.ro).slice(0, 3)).toEqual(['Important', 'Anunț 12', 'Anunț 11']);
		const second = await viewNewsList(anonymous(), { spaceSlug: slug, moduleId, page: 2, locale: 'ro' });
		expect(second.posts.map((p) => p.title.ro)).toEqual(['Anunț 3', 'Anunț 2', 'Anunț 1']);
		expect((await manageNews(admin, { spaceId, moduleId })).posts).toHaveLength(13);
	});

	it('validates the form and writes nothing when it is wrong', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await newsModule(admin);
		expect(
			await createNewsPost(
				admin,
				{ moduleId },
				{ ...post(''), body: { ro: ' ' }, publish: 'later', publishAt: 'mâine' }
			)
		).toEqual({
			ok: false,
			errors: { title_ro: 'validation_required', body_ro: 'validation_required', publishAt: 'news_error_publish_at' }
		});
		expect(await createNewsPost(admin, { moduleId }, { ...post('X'), publish: '' as 'now' })).toEqual({
			ok: false,
			errors: { publish: 'news_error_publish_choice' }
		});
		expect(await db().select().from(newsPosts)).toHaveLength(0);
	});

	it('edits, keeps the publication date once announced, deletes, and audits each change', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await newsModule(admin);
		const id = idOf(await createNewsPost(admin, { moduleId }, post('Prima')));
		const [before] = await db().select().from(newsPosts).where(eq(newsPosts.id, id));
		expect(
			await updateNewsPost(
				admin,
				{ moduleId, postId: id },
				post('Prima, corectată', { publish: 'draft', pinned: true })
			)
		).toEqual({ ok: true, value: { id } });
		const [after] = await db().select().from(newsPosts).where(eq(newsPosts.id, id));
		expect(after).toMatchObject({ title: { ro: 'Prima, corectată' }, pinned: true, publishAt: before.publishAt });
		const draft = idOf(await createNewsPost(admin, { moduleId }, post('Ciornă', { publish: 'draft' })));
		expect((await db().select().from(newsPosts).where(eq(newsPosts.id, draft)))[0].publishAt).toBeNull();
		expect(await deleteNewsPost(admin, { moduleId, postId: id })).toEqual({ ok: true, value: null });
		expect(await db().select().from(searchDocuments).where(eq(searchDocuments.resourceId, id))).toHaveLength(0);
		const actions = (await db().select().from(auditLog)).map((r) => r.action);
		expect(actions).toEqual(expect.arrayContaining(['news.create', 'news.update', 'news.delete']));
	});

	it('exports public announcements, counts them, keeps the module while posts exist, anonymises authors', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId, slug } = await newsModule(admin);
		await createNewsPost(admin, { moduleId }, post('Publicat'));
		await createNewsPost(admin, { moduleId }, post('Ciornă', { publish: 'draft' }));
		const rows = await news.exports[0].rows(db(), [moduleId]);
		expect(rows).toEqual([expect.objectContaining({ process: slug, title: 'Publicat', pinned: false })]);
		expect(Object.keys(rows[0]).sort()).toEqual(news.exports[0].columns.map((c) => c.name).sort());
		expect(JSON.stringify(rows)).not.toContain(admin.id);
		expect(await news.stats[0].count(db(), [moduleId])).toBe(1);
		expect(await unmountModule(admin, { spaceId, moduleId, manifest: news })).toEqual({
			ok: false,
			errors: { _form: 'news_error_unmount_has_posts' }
		});
		expect(await news.personalData.exportFor(db(), admin.id)).toMatchObject({
			news_written: expect.arrayContaining([{ id: expect.any(String), title: 'Publicat' }])
		});
		await news.personalData.anonymize(db(), admin.id);
		expect((await db().select().from(newsPosts)).every((r) => r.createdBy === null && r.updatedBy === null)).toBe(true);
	});
});

describe('the process feed', () => {
	it('is valid Atom with the started phases and the published news, by id or slug; drafts have none', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug, spaceId } = await newsModule(admin);
		await createNewsPost(admin, { moduleId }, post('Anunț <public> & important'));
		await createNewsPost(admin, { moduleId }, post('Ciornă secretă', { publish: 'draft' }));
		const xml = await processFeed(slug, { origin: 'https://vocea.example', locale: 'ro', modules });
		expect(XMLValidator.validate(xml)).toBe(true);
		const feed = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' }).parse(xml).feed;
		const titles = feed.entry.map((e: { title: { '#text': string } }) => e.title['#text']);
		expect(titles).toContain('Anunț <public> & important');
		expect(titles).toEqual(expect.arrayContaining(['A început faza „Propuneri”', 'A început faza „Vot”']));
		expect(titles.join()).not.toContain('Implementare');
		expect(titles.join()).not.toContain('Ciornă');
		const newsEntry = feed.entry.find((e: { category?: { '@_term': string } }) => e.category?.['@_term'] === 'news');
		expect(newsEntry.link['@_href']).toMatch(new RegExp(`^https://vocea.example/processes/${slug}/news/${moduleId}/`));
		expect(await processFeed(spaceId, { origin: 'https://vocea.example', locale: 'en', modules })).toContain('(en)');
		const draft = await processWithThreePhases(admin, new Date(), 'Proces ciornă');
		await expect(
			processFeed(draft.slug, { origin: 'https://vocea.example', locale: 'ro', modules })
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('the process feed in summer', () => {
	it('dates a phase at midnight in Timișoara, which is 21:00 UTC the day before in summer (EEST)', async () => {
		const admin = await person(['admin']);
		const summer = new Date('2027-07-15T12:00:00Z');
		const { slug, spaceId } = await processWithThreePhases(admin, summer, 'Proces de vară');
		await publishProcessAndModules(admin, spaceId);
		const xml = await processFeed(slug, { origin: 'https://vocea.example', locale: 'ro', modules, now: summer });
		const entries = new XMLParser({ isArray: (n) => n === 'entry' }).parse(xml).feed.entry as {
			title: string;
			updated: string;
		}[];
		const started = entries.filter((e) => String(e.title).startsWith('A început faza'));
		// Propuneri began 30 days before the 15th (15 June), Vot 10 days before (5 July); Implementare not yet.
		expect(started.map((e) => e.updated).sort()).toEqual(['2027-06-14T21:00:00.000Z', '2027-07-04T21:00:00.000Z']);
	});
});

describe('bucharestTime', () => {
	it('reads a Timișoara wall-clock time in winter and in summer', () => {
		expect(bucharestTime('2027-01-15T09:30').toISOString()).toBe('2027-01-15T07:30:00.000Z');
		expect(bucharestTime('2027-07-15T09:30').toISOString()).toBe('2027-07-15T06:30:00.000Z');
	});
});
