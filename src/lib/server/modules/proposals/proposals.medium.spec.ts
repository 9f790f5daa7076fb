import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { anonymous } from '../../platform/actors/actor.ts';
import {
	auditLog,
	comments,
	follows,
	notifications,
	outbox,
	searchDocuments,
	userRoles
} from '../../platform/db/schema.ts';
import { openFile } from '../../platform/files/read-file.ts';
import { localStorage, useStorage } from '../../platform/files/storage.ts';
import { linkResources } from '../../platform/links/index.ts';
import { follow } from '../../platform/notifications/commands/follow.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { addEvaluationNote } from './commands/add-evaluation-note.ts';
import { answerProposal } from './commands/answer-proposal.ts';
import { assignEvaluator } from './commands/assign-evaluator.ts';
import { createProposal } from './commands/create-proposal.ts';
import { createState } from './commands/create-state.ts';
import { deleteCategory } from './commands/delete-category.ts';
import { deleteState } from './commands/delete-state.ts';
import { saveCategory } from './commands/save-category.ts';
import { supportProposal } from './commands/support-proposal.ts';
import { unassignEvaluator } from './commands/unassign-evaluator.ts';
import { unsupportProposal } from './commands/unsupport-proposal.ts';
import { updateProposal } from './commands/update-proposal.ts';
import { withdrawProposal } from './commands/withdraw-proposal.ts';
import { proposalsForApi } from './api.ts';
import { readListQuery } from './forms.ts';
import { proposals } from './manifest.ts';
import { proposalsEvents, proposalsProposals, proposalsSupports } from './schema.ts';
import { citizen, neighbourhood, proposalInput, proposalsModule, setLocale } from './test-support.ts';
import { viewProposal, viewProposals } from './views.ts';
import { manageProposal, manageProposals } from './admin-views.ts';
import { GET } from '../../../../routes/api/v1/processes/[slug]/proposals/+server.ts';

const database = useTestDatabase();
const db = () => database().db;
let dir: string;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'vocea-proposals-'));
	useStorage(localStorage(dir));
});
afterAll(() => {
	useStorage(undefined);
	rmSync(dir, { recursive: true, force: true });
});

/** A JPEG with a GPS position in its EXIF, as a phone takes it. */
async function phonePhoto() {
	const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3a7' } })
		.jpeg()
		.withExif({
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 45/1 36/1', GPSLongitudeRef: 'E', GPSLongitude: '21/1 13/1 48/1' }
		})
		.toBuffer();
	return new File([new Uint8Array(bytes)], 'IMG_0001.jpg', { type: 'image/jpeg' });
}

async function created(r: { ok: boolean; value?: { id: string }; errors?: unknown }) {
	if (!r.ok || !r.value) throw new Error(JSON.stringify(r.errors));
	return r.value.id;
}

const query = (s = '') => readListQuery(new URLSearchParams(s));

describe('creating a proposal', () => {
	it('publishes it with place, category and a cleaned photo; the author follows it; it is searchable', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await proposalsModule(admin);
		const fabric = await neighbourhood('fabric', 'Fabric');
		const cat = await created(await saveCategory(admin, { moduleId }, { name: { ro: 'Mobilitate', en: 'Mobility' } }));
		const ana = await citizen();
		const id = await created(
			await createProposal(
				ana,
				{ moduleId },
				proposalInput('Rasteluri de biciclete în Piața Traian', {
					categoryId: cat,
					place: {
						place_address: 'Piața Traian',
						place_neighbourhood_id: fabric.id,
						place_lat: '45,7594',
						place_lng: '21.2461'
					}
				}),
				{ photos: [await phonePhoto()] }
			)
		);
		const [row] = await db().select().from(proposalsProposals).where(eq(proposalsProposals.id, id));
		expect(row).toMatchObject({
			authorId: ana.id,
			categoryId: cat,
			neighbourhoodId: fabric.id,
			latitude: 45.7594,
			state: 'published'
		});
		const page = await viewProposal(anonymous(), { spaceSlug: slug, moduleId, proposalId: id });
		expect(page.proposal.photos).toHaveLength(1);
		expect(page.proposal.place.neighbourhood).toEqual({ ro: 'Fabric' });
		expect(page.history.map((e) => e.kind)).toEqual(['created']);
		// The photo is public because the module is; its GPS position is gone.
		const file = await openFile(page.proposal.photos[0].fileId, anonymous());
		expect(file?.access).toBe('public');
		const stored = Buffer.from(await new Response(file!.body).arrayBuffer());
		expect((await sharp(stored).metadata()).exif).toBeUndefined();
		expect(
			await db()
				.select()
				.from(follows)
				.where(and(eq(follows.userId, ana.id), eq(follows.resourceId, id)))
		).toHaveLength(1);
		const [doc] = await db().select().from(searchDocuments).where(eq(searchDocuments.resourceId, id));
		expect(doc).toMatchObject({
			resourceType: 'proposal',
			visibility: 'public',
			title: 'Rasteluri de biciclete în Piața Traian'
		});
	});

	it('refuses short texts, a category of another module and a half pin, all at once, and stores nothing', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await proposalsModule(admin);
		const other = await proposalsModule(admin);
		const foreign = await created(await saveCategory(admin, { moduleId: other.moduleId }, { name: { ro: 'Alta' } }));
		const r = await createProposal(
			await citizen(),
			{ moduleId },
			{
				title: 'Scurt',
				body: 'Prea puțin.',
				categoryId: foreign,
				place: { place_lat: '45.75' }
			}
		);
		expect(r).toEqual({
			ok: false,
			errors: expect.objectContaining({
				title: 'proposals_error_title_short',
				body: 'proposals_error_body_short',
				place_lng: 'maps_place_coordinates_both'
			})
		});
		const r2 = await createProposal(await citizen(), { moduleId }, proposalInput(undefined, { categoryId: foreign }));
		expect(r2).toEqual({ ok: false, errors: { categoryId: 'proposals_error_category' } });
		expect(await db().select().from(proposalsProposals)).toHaveLength(0);
	});

	it('refuses more photos than the module allows, keeping no file', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await proposalsModule(admin, { settings: { maxPhotos: 1 } });
		const r = await createProposal(await citizen(), { moduleId }, proposalInput(), {
			photos: [await phonePhoto(), await phonePhoto()]
		});
		expect(r).toEqual({ ok: false, errors: { photos: 'proposals_error_too_many_photos' } });
	});

	it('creates one proposal when the same form is submitted twice at once', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await proposalsModule(admin);
		const ana = await citizen();
		const key = 'form-7f1c2a9e';
		const [a, b] = await Promise.all([
			createProposal(ana, { moduleId, submissionKey: key }, proposalInput()),
			createProposal(ana, { moduleId, submissionKey: key }, proposalInput())
		]);
		expect(a.ok && b.ok && a.value.id === b.value.id).toBe(true);
		expect(await db().select().from(proposalsProposals)).toHaveLength(1);
		expect(await db().select().from(proposalsEvents)).toHaveLength(1);
	});
});

describe('editing and withdrawing', () => {
	it('lets the author edit within the window, recording it in the history', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await proposalsModule(admin, { settings: { editWindowMinutes: 30 } });
		const ana = await citizen();
		const id = await created(await createProposal(ana, { moduleId }, proposalInput()));
		const edited = proposalInput('Pistă de biciclete protejată pe Calea Șagului');
		expect(await updateProposal(ana, { moduleId, proposalId: id }, edited)).toEqual({ ok: true, value: { id } });
		await expect(updateProposal(await citizen(), { moduleId, proposalId: id }, edited)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const later = new Date(Date.now() + 31 * 60_000);
		await expect(updateProposal(ana, { moduleId, proposalId: id }, edited, {}, later)).rejects.toMatchObject({
			reason: 'proposals_edit_window_closed'
		});
		const page = await viewProposal(anonymous(), { spaceSlug: slug, moduleId, proposalId: id });
		expect(page.proposal.title).toBe('Pistă de biciclete protejată pe Calea Șagului');
		expect(page.history.map((e) => e.kind)).toEqual(['created', 'edited']);
	});

	it('lets the author withdraw once; a withdrawn proposal takes no supports and leaves the default list', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await proposalsModule(admin);
		const ana = await citizen();
		const id = await created(await createProposal(ana, { moduleId }, proposalInput()));
		await expect(withdrawProposal(await citizen(), { moduleId, proposalId: id })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await Promise.all([
			withdrawProposal(ana, { moduleId, proposalId: id }),
			withdrawProposal(ana, { moduleId, proposalId: id }).catch(() => null)
		]);
		expect((await db().select().from(proposalsEvents).where(eq(proposalsEvents.kind, 'withdrawn'))).length).toBe(1);
		await expect(supportProposal(await citizen(), { moduleId, proposalId: id })).rejects.toMatchObject({
			reason: 'proposals_withdrawn'
		});
		expect((await viewProposals(anonymous(), { spaceSlug: slug, moduleId, query: query() })).total).toBe(0);
		expect(
			(await viewProposals(anonymous(), { spaceSlug: slug, moduleId, query: query('state=withdrawn') })).total
		).toBe(1);
	});
});

describe('supports', () => {
	it('count once per person, are taken back, and qualify the proposal at the threshold', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await proposalsModule(admin, { phase: { threshold: 2 } });
		const id = await created(await createProposal(await citizen(), { moduleId }, proposalInput()));
		const [bea, dan] = [await citizen(), await citizen()];
		expect(await supportProposal(bea, { moduleId, proposalId: id })).toEqual({ ok: true, value: { supportsCount: 1 } });
		expect(await supportProposal(bea, { moduleId, proposalId: id })).toEqual({ ok: true, value: { supportsCount: 1 } });
		await supportProposal(dan, { moduleId, proposalId: id });
		let page = await viewProposal(dan, { spaceSlug: slug, moduleId, proposalId: id });
		expect(page.proposal.supportsCount).toBe(2);
		expect(page.supports).toMatchObject({ qualified: true, supportedByMe: true });
		expect(page.history.map((e) => e.kind)).toEqual(['created', 'qualified']);
		await unsupportProposal(dan, { moduleId, proposalId: id });
		await unsupportProposal(dan, { moduleId, proposalId: id });
		page = await viewProposal(dan, { spaceSlug: slug, moduleId, proposalId: id });
		expect(page.proposal.supportsCount).toBe(1);
		expect(page.supports.supportedByMe).toBe(false);
	});

	it('never double when the same person supports twice at once', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await proposalsModule(admin);
		const id = await created(await createProposal(await citizen(), { moduleId }, proposalInput()));
		const bea = await citizen();
		await Promise.all([1, 2, 3].map(() => supportProposal(bea, { moduleId, proposalId: id })));
		const [row] = await db().select().from(proposalsProposals).where(eq(proposalsProposals.id, id));
		expect(row.supportsCount).toBe(1);
		expect(await db().select().from(proposalsSupports)).toHaveLength(1);
	});

	it('keep the per-person limit when supports of several proposals race', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await proposalsModule(admin, { phase: { supportLimit: 1 } });
		const ids = [
			await created(await createProposal(await citizen(), { moduleId }, proposalInput('Prima propunere de test'))),
			await created(await createProposal(await citizen(), { moduleId }, proposalInput('A doua propunere de test'))),
			await created(await createProposal(await citizen(), { moduleId }, proposalInput('A treia propunere de test')))
		];
		const bea = await citizen();
		const results = await Promise.all(ids.map((proposalId) => supportProposal(bea, { moduleId, proposalId })));
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([
			{ ok: false, errors: { _form: 'proposals_error_support_limit' } },
			{ ok: false, errors: { _form: 'proposals_error_support_limit' } }
		]);
		expect(await db().select().from(proposalsSupports).where(eq(proposalsSupports.userId, bea.id))).toHaveLength(1);
	});
});

describe('the official answer', () => {
	it('notifies every supporter and follower in their language, with a link back, and is in the history', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await proposalsModule(admin);
		const ana = await citizen();
		const id = await created(await createProposal(ana, { moduleId }, proposalInput()));
		const [bea, dan] = [await citizen(), await citizen()];
		await setLocale(bea.id, 'en');
		await supportProposal(bea, { moduleId, proposalId: id });
		await follow(dan, { resourceType: 'proposal', resourceId: id });
		await supportProposal(dan, { moduleId, proposalId: id });
		expect(
			await answerProposal(
				admin,
				{ moduleId, proposalId: id },
				{
					state: 'accepted',
					answer: { ro: 'Pista va fi construită în 2027.', en: 'The lane will be built in 2027.' },
					costEstimate: '1.250.000'
				}
			)
		).toEqual({ ok: true, value: null });
		const sent = await db()
			.select()
			.from(notifications)
			.where(eq(notifications.key, 'proposals_notification_answered'));
		expect(sent.map((n) => n.userId).sort()).toEqual([ana.id, bea.id, dan.id].sort());
		expect(sent[0].link).toBe(`/processes/${slug}/proposals/${moduleId}/${id}`);
		const mail = (await db().select().from(outbox)).find((o) => o.to === bea.email);
		expect(mail?.subject).toBe('Official answer to “Pistă de biciclete pe Calea Șagului”: Accepted');
		expect(JSON.stringify(mail)).toContain('Accepted');
		const page = await viewProposal(anonymous(), { spaceSlug: slug, moduleId, proposalId: id });
		expect(page.proposal).toMatchObject({ state: 'accepted', costEstimate: 1_250_000 });
		expect(page.history.map((e) => e.kind)).toEqual(['created', 'answered']);
		expect((await db().select().from(auditLog)).map((a) => a.action)).toContain('proposal.answer');
	});

	it('takes a custom state of the module, shown with a contrasting text colour', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await proposalsModule(admin);
		const id = await created(await createProposal(await citizen(), { moduleId }, proposalInput()));
		expect(await createState(admin, { moduleId }, { name: { ro: 'Studiu' }, colour: 'yellow' })).toEqual({
			ok: false,
			errors: { colour: 'proposals_error_colour' }
		});
		const stateId = await created(
			await createState(admin, { moduleId }, { name: { ro: 'În studiu de fezabilitate' }, colour: '#FFDD00' })
		);
		await answerProposal(
			admin,
			{ moduleId, proposalId: id },
			{ state: `custom:${stateId}`, answer: { ro: 'Analizăm.' } }
		);
		const page = await viewProposal(anonymous(), { spaceSlug: slug, moduleId, proposalId: id });
		expect(page.proposal.stateView).toEqual({
			key: null,
			name: { ro: 'În studiu de fezabilitate' },
			background: '#ffdd00',
			colour: '#000000'
		});
		expect(
			(await viewProposals(anonymous(), { spaceSlug: slug, moduleId, query: query(`state=${stateId}`) })).total
		).toBe(1);
		expect(await deleteState(admin, { moduleId, stateId })).toEqual({
			ok: false,
			errors: { _form: 'proposals_error_state_in_use' }
		});
		const other = await proposalsModule(admin);
		expect(
			await answerProposal(
				admin,
				{ moduleId: other.moduleId, proposalId: id },
				{ state: 'accepted', answer: { ro: 'x' } }
			).catch((e) => e.what)
		).toBe('proposal');
	});

	it('requires a state and a Romanian text', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await proposalsModule(admin);
		const id = await created(await createProposal(await citizen(), { moduleId }, proposalInput()));
		expect(
			await answerProposal(admin, { moduleId, proposalId: id }, { state: '', answer: { ro: '' }, costEstimate: '-3' })
		).toEqual({
			ok: false,
			errors: { state: 'proposals_error_state', answer_ro: 'validation_required', costEstimate: 'proposals_error_cost' }
		});
	});
});

describe('evaluation', () => {
	it('staff assign evaluators, who see only their proposals and write private notes', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId, slug } = await proposalsModule(admin);
		const mine = await created(
			await createProposal(await citizen(), { moduleId }, proposalInput('Propunerea de evaluat'))
		);
		const notMine = await created(
			await createProposal(await citizen(), { moduleId }, proposalInput('Altă propunere de test'))
		);
		const eva = await person(['evaluator']);
		const plain = await citizen();
		await db().insert(userRoles).values({ userId: eva.id, role: 'evaluator' });
		expect(await assignEvaluator(admin, { moduleId, proposalId: mine }, { userId: plain.id })).toEqual({
			ok: false,
			errors: { userId: 'proposals_error_not_evaluator' }
		});
		await Promise.all([
			assignEvaluator(admin, { moduleId, proposalId: mine }, { userId: eva.id }),
			assignEvaluator(admin, { moduleId, proposalId: mine }, { userId: eva.id })
		]);
		expect(
			await db().select().from(notifications).where(eq(notifications.key, 'proposals_notification_assigned'))
		).toHaveLength(1);
		const list = await manageProposals(eva, { spaceId, moduleId, query: query() });
		expect(list.proposals.map((p) => p.id)).toEqual([mine]);
		expect((await manageProposals(admin, { spaceId, moduleId, query: query() })).total).toBe(2);
		await expect(manageProposal(eva, { spaceId, moduleId, proposalId: notMine })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(addEvaluationNote(eva, { moduleId, proposalId: notMine }, { body: 'x' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await addEvaluationNote(eva, { moduleId, proposalId: mine }, { body: 'Terenul aparține CFR.' });
		expect((await manageProposal(admin, { spaceId, moduleId, proposalId: mine })).notes.map((n) => n.body)).toEqual([
			'Terenul aparține CFR.'
		]);
		expect((await viewProposal(anonymous(), { spaceSlug: slug, moduleId, proposalId: mine })).evaluation).toBeNull();
		expect((await viewProposal(eva, { spaceSlug: slug, moduleId, proposalId: mine })).evaluation?.notes).toHaveLength(
			1
		);
		await unassignEvaluator(admin, { moduleId, proposalId: mine }, { userId: eva.id });
		await expect(addEvaluationNote(eva, { moduleId, proposalId: mine }, { body: 'y' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});
});

describe('categories', () => {
	it('are added, renamed and deleted by staff; proposals keep existing without one', async () => {
		const admin = await person(['admin']);
		const { moduleId } = await proposalsModule(admin);
		const cat = await created(await saveCategory(admin, { moduleId }, { name: { ro: 'Cultura' } }));
		await saveCategory(admin, { moduleId, categoryId: cat }, { name: { ro: 'Cultură', hu: 'Kultúra' } });
		const id = await created(
			await createProposal(await citizen(), { moduleId }, proposalInput(undefined, { categoryId: cat }))
		);
		await deleteCategory(admin, { moduleId, categoryId: cat });
		const [row] = await db().select().from(proposalsProposals).where(eq(proposalsProposals.id, id));
		expect(row.categoryId).toBeNull();
		expect(await saveCategory(admin, { moduleId }, { name: { ro: '' } })).toEqual({
			ok: false,
			errors: { name_ro: 'validation_required' }
		});
	});
});

describe('the public list', () => {
	it('filters by neighbourhood, category, state and text; sorts by supports, newest and a stable random order; pages', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await proposalsModule(admin, { settings: { perPage: 5 } });
		const [fabric, iosefin] = [await neighbourhood('fabric', 'Fabric'), await neighbourhood('iosefin', 'Iosefin')];
		const cat = await created(await saveCategory(admin, { moduleId }, { name: { ro: 'Spații verzi' } }));
		const ids: string[] = [];
		for (let i = 0; i < 12; i++)
			ids.push(
				await created(
					await createProposal(
						await citizen(),
						{ moduleId },
						proposalInput(i === 3 ? 'Copaci pe strada Gheorghe Lazăr' : `Propunerea numărul ${i} pentru oraș`, {
							categoryId: i % 2 ? cat : '',
							place: { place_neighbourhood_id: i < 4 ? fabric.id : iosefin.id }
						})
					)
				)
			);
		for (const n of [1, 2, 3])
			for (let k = 0; k < n; k++) await supportProposal(await citizen(), { moduleId, proposalId: ids[n + 5] });
		const view = (s: string) => viewProposals(anonymous(), { spaceSlug: slug, moduleId, query: query(s) });
		expect((await view(`neighbourhood=${fabric.id}`)).total).toBe(4);
		expect((await view(`category=${cat}`)).total).toBe(6);
		expect((await view('q=copacii')).proposals.map((p) => p.id)).toEqual([ids[3]]);
		expect((await view('q=Gheorghe')).total).toBe(1);
		expect((await view('sort=supported')).proposals.slice(0, 3).map((p) => p.id)).toEqual([ids[8], ids[7], ids[6]]);
		const newest = await view('');
		expect(newest.proposals[0].id).toBe(ids[11]);
		expect(newest.pages).toBe(3);
		const random = async (seed: number) =>
			[
				...(await view(`sort=random&seed=${seed}`)).proposals,
				...(await view(`sort=random&seed=${seed}&page=2`)).proposals,
				...(await view(`sort=random&seed=${seed}&page=3`)).proposals
			].map((p) => p.id);
		const a = await random(17);
		expect(a).toEqual(await random(17));
		expect(new Set(a).size).toBe(12);
		expect(a).not.toEqual(await random(18));
		const map = await view('view=map');
		expect(map.pins).toEqual([]);
		await answerProposal(admin, { moduleId, proposalId: ids[0] }, { state: 'rejected', answer: { ro: 'Nu.' } });
		expect((await view('state=rejected')).proposals.map((p) => p.id)).toEqual([ids[0]]);
		expect((await view('state=published')).total).toBe(11);
	});

	it('is refused while the module is unpublished, except to staff', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await proposalsModule(admin, { publish: false });
		await expect(viewProposals(anonymous(), { spaceSlug: slug, moduleId, query: query() })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect((await viewProposals(admin, { spaceSlug: slug, moduleId, query: query() })).total).toBe(0);
	});
});

describe('the JSON API', () => {
	it('pages and filters proposals of a process by slug or id, with no personal data beyond the author name', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug, spaceId } = await proposalsModule(admin);
		const fabric = await neighbourhood('fabric', 'Fabric');
		for (let i = 0; i < 3; i++)
			await createProposal(
				await citizen(),
				{ moduleId },
				proposalInput(`Propunerea API numărul ${i}`, { place: { place_neighbourhood_id: i ? fabric.id : '' } })
			);
		const r = await proposalsForApi(slug, new URLSearchParams('per_page=2&page=1&locale=en'));
		if (!r.ok) throw new Error('api');
		expect(r.value.meta).toEqual({ page: 1, perPage: 2, total: 3, pages: 2, locale: 'en' });
		expect(r.value.data).toHaveLength(2);
		const text = JSON.stringify(r.value);
		expect(text).not.toMatch(/@example\.ro|authorId|"email"/);
		const byId = await proposalsForApi(spaceId, new URLSearchParams(`neighbourhood=${fabric.id}`));
		expect(byId.ok && byId.value.meta.total).toBe(2);
		expect(byId.ok && byId.value.data[0].neighbourhood).toEqual({ id: fabric.id, name: { ro: 'Fabric' } });
		expect(await proposalsForApi(slug, new URLSearchParams('per_page=500'))).toMatchObject({ ok: false });
		await expect(proposalsForApi('nu-exista', new URLSearchParams())).rejects.toMatchObject({ status: 404 });
	});

	it('answers JSON over HTTP: 200 with CORS, 400 for a bad page size, 404 for an unknown process', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await proposalsModule(admin);
		await createProposal(await citizen(), { moduleId }, proposalInput());
		const get = (path: string, s: string) =>
			(GET as unknown as (e: unknown) => Promise<Response>)({
				url: new URL(`http://vocea.test/api/v1/processes/${path}/proposals${s}`),
				params: { slug: path }
			});
		const ok = await get(slug, '?per_page=1');
		expect(ok.status).toBe(200);
		expect(ok.headers.get('access-control-allow-origin')).toBe('*');
		expect(((await ok.json()) as { meta: { total: number } }).meta.total).toBe(1);
		expect((await get(slug, '?per_page=101')).status).toBe(400);
		const missing = await get('nu-exista', '');
		expect(missing.status).toBe(404);
		expect(await missing.json()).toMatchObject({ error: 'not_found' });
	});
});

describe('the module contract', () => {
	it('exports open data without personal data, counts, links in the history, and anonymises authors', async () => {
		const admin = await person(['admin']);
		const { moduleId, slug } = await proposalsModule(admin);
		const ana = await citizen();
		const id = await created(await createProposal(ana, { moduleId }, proposalInput()));
		await supportProposal(await citizen(), { moduleId, proposalId: id });
		const [rows] = [await proposals.exports[0].rows(db(), [moduleId])];
		expect(rows).toHaveLength(1);
		expect(Object.keys(rows[0]).sort()).toEqual(proposals.exports[0].columns.map((c) => c.name).sort());
		expect(JSON.stringify(rows)).not.toContain(ana.id);
		const stats = Object.fromEntries(
			await Promise.all(proposals.stats.map(async (s) => [s.key, await s.count(db(), [moduleId])]))
		);
		expect(stats).toEqual({ proposals_count: 1, proposals_supports: 1, proposals_answered: 0 });
		await db().insert(searchDocuments).values({
			resourceType: 'meeting',
			resourceId: 'm-1',
			locale: 'ro',
			title: 'Întâlnire în Fabric',
			body: '',
			url: '/processes/x/meetings/y/m-1',
			visibility: 'public'
		});
		await linkResources(
			db(),
			{ resourceType: 'proposal', resourceId: id },
			{ resourceType: 'meeting', resourceId: 'm-1' },
			'discussed_at'
		);
		expect((await viewProposal(anonymous(), { spaceSlug: slug, moduleId, proposalId: id })).links).toMatchObject([
			{ kind: 'discussed_at', title: 'Întâlnire în Fabric', url: '/processes/x/meetings/y/m-1' }
		]);
		const exported = await proposals.personalData.exportFor(db(), ana.id);
		expect(exported.proposals_written).toHaveLength(1);
		await proposals.personalData.anonymize(db(), ana.id);
		const [row] = await db().select().from(proposalsProposals).where(eq(proposalsProposals.id, id));
		expect(row).toMatchObject({ authorId: null, title: proposalInput().title });
		expect(await proposals.hooks!.beforeDestroy!(db(), moduleId)).toBe('proposals_error_unmount_has_proposals');
		const feed = await proposals.feed!(db(), [moduleId], new Date(Date.now() - 86_400_000));
		expect(feed).toMatchObject([{ key: `proposal:${id}`, path: `/processes/${slug}/proposals/${moduleId}/${id}` }]);
		expect(await proposals.feed!(db(), [moduleId], new Date(Date.now() + 60_000))).toEqual([]);
		const docs = await proposals.search[0].documents(db(), [moduleId]);
		expect(docs.map((d) => d.resourceId)).toEqual([id]);
	});

	it('seeds a realistic demo module', async () => {
		const admin = await person(['admin']);
		const { moduleId, spaceId } = await proposalsModule(admin);
		const users = [await citizen(), await citizen(), await citizen(), await citizen()];
		await proposals.seed!(db(), { spaceId, moduleId, userIds: users.map((u) => u.id) });
		const rows = await db().select().from(proposalsProposals).where(eq(proposalsProposals.moduleId, moduleId));
		expect(rows.length).toBeGreaterThanOrEqual(25);
		expect(rows.filter((r) => r.answeredAt).length).toBeGreaterThan(3);
		for (const r of rows)
			expect(r.supportsCount).toBe(
				(await db().select().from(proposalsSupports).where(eq(proposalsSupports.proposalId, r.id))).length
			);
		// the first proposals carry discussions by the demo citizens, with replies and counts kept
		const discussed = await db().select().from(comments).where(eq(comments.resourceType, 'proposal'));
		expect(discussed.length).toBe(7);
		expect(new Set(discussed.map((c) => c.resourceId)).size).toBe(3);
		expect(discussed.some((c) => c.depth > 1)).toBe(true);
		expect(discussed.every((c) => users.some((u) => u.id === c.authorId))).toBe(true);
	});
});
