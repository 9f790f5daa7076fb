import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { day, person, processInput, processWithThreePhases } from '../../../../../tests/support/spaces.ts';
import { anonymous } from '../actors/actor.ts';
import { auditLog, follows, notifications, phases, searchDocuments, spaceClock, spaces } from '../db/schema.ts';
import { defineModule, type AnyModule } from '../modules/define-module.ts';
import { can, loadModule } from '../modules/runtime.ts';
import { allow, deny } from '../permissions/index.ts';
import { ForbiddenError, NotFoundError } from '../result.ts';
import { addPhase } from './commands/add-phase.ts';
import { configureModule } from './commands/configure-module.ts';
import { createProcess } from './commands/create-process.ts';
import { deletePhase } from './commands/delete-phase.ts';
import { mountModule } from './commands/mount-module.ts';
import { movePhase } from './commands/move-phase.ts';
import { publishProcess } from './commands/publish-process.ts';
import { unpublishProcess } from './commands/unpublish-process.ts';
import { unmountModule } from './commands/unmount-module.ts';
import { updatePhase } from './commands/update-phase.ts';
import { updateProcess } from './commands/update-process.ts';
import { processForApi, processListForApi } from './api.ts';
import { advancePhaseClocks } from './phase-clock.ts';
import { phasesOf } from './queries.ts';

const database = useTestDatabase();
const db = () => database().db;

/** A small module to exercise the runtime: a vote that needs a confirmed phone and is open only in some phases. */
const phaseChanged = vi.fn(async () => {});
const voting = defineModule({
	name: 'voting',
	titleKey: 'voting_module_name',
	settings: {
		global: z.object({
			maxVotes: z.number().int().min(1).max(10).default(3),
			layout: z.enum(['list', 'map']).default('list')
		}),
		phase: z.object({ votingOpen: z.boolean().default(false) })
	},
	actions: ['vote', 'configure'] as const,
	defaultVerification: { vote: 'phone' },
	permissions: (actor, action, ctx) =>
		action === 'vote'
			? actor.kind === 'user' && ctx.phaseSettings.votingOpen
				? allow
				: deny('voting_closed')
			: deny('staff_only'),
	resources: [],
	hooks: { phaseChanged },
	exports: [],
	stats: [],
	search: [],
	notifications: [],
	personalData: { exportFor: async () => ({}), anonymize: async () => {} }
}) as AnyModule;

describe('creating and editing a process', () => {
	it('creates a draft with a slug from the Romanian title, audited and indexed for staff only', async () => {
		const admin = await person(['admin']);
		const r = await createProcess(admin, processInput('Consultare: Școli și grădinițe'));
		expect(r).toMatchObject({ ok: true, value: { slug: 'consultare-scoli-si-gradinite' } });
		const [space] = await db().select().from(spaces);
		expect(space).toMatchObject({ status: 'draft', kind: 'process', createdBy: admin.id });
		expect(space.title).toEqual({ ro: 'Consultare: Școli și grădinițe', en: 'Participatory budgeting 2025' });
		const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, 'space.create'));
		expect(audit).toMatchObject({ actorId: admin.id, resourceId: space.id, ip: '198.51.100.7' });
		const docs = await db().select().from(searchDocuments).where(eq(searchDocuments.resourceId, space.id));
		expect(docs.map((d) => [d.locale, d.visibility]).sort()).toEqual([
			['en', 'staff'],
			['ro', 'staff']
		]);
	});

	it('gives a second process with the same title a numbered slug, and refuses a taken slug', async () => {
		const admin = await person(['staff']);
		await createProcess(admin, processInput('Plan de mobilitate'));
		expect(await createProcess(admin, processInput('Plan de mobilitate'))).toMatchObject({
			value: { slug: 'plan-de-mobilitate-2' }
		});
		expect(await createProcess(admin, { ...processInput(), slug: 'plan-de-mobilitate' })).toEqual({
			ok: false,
			errors: { slug: 'processes_error_slug_taken' }
		});
	});

	it('requires the Romanian texts and reports errors by input name', async () => {
		const admin = await person(['admin']);
		const r = await createProcess(admin, {
			...processInput(),
			title: { ro: '  ', en: 'Only English' },
			slug: 'Not A Slug'
		});
		expect(r).toEqual({ ok: false, errors: { title_ro: 'validation_required', slug: 'processes_error_slug' } });
		expect(await db().select().from(spaces)).toHaveLength(0);
	});

	it('refuses citizens, visitors and roles waiting for two-factor sign-in', async () => {
		const citizen = await person();
		await expect(createProcess(citizen, processInput())).rejects.toBeInstanceOf(ForbiddenError);
		await expect(createProcess(anonymous(), processInput())).rejects.toBeInstanceOf(ForbiddenError);
		const waiting = { ...(await person()), pendingRoles: ['admin' as const] };
		await expect(createProcess(waiting, processInput())).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('lets a space administrator edit their own process but not create one', async () => {
		const admin = await person(['admin']);
		const { spaceId } = await processWithThreePhases(admin);
		const spaceAdmin = await person([], { spaceRoles: { [spaceId]: ['admin'] } });
		await expect(createProcess(spaceAdmin, processInput())).rejects.toBeInstanceOf(ForbiddenError);
		const r = await updateProcess(spaceAdmin, spaceId, { ...processInput('Titlu nou'), slug: 'titlu-nou' });
		expect(r).toEqual({ ok: true, value: { slug: 'titlu-nou' } });
		const [space] = await db().select().from(spaces);
		expect(space.title.ro).toBe('Titlu nou');
	});
});

describe('the timeline of phases', () => {
	it('orders phases by date whatever order they are added in', async () => {
		const admin = await person(['admin']);
		const { spaceId } = await processWithThreePhases(admin);
		const r = await addPhase(admin, spaceId, {
			title: { ro: 'Pregătire' },
			description: {},
			startsOn: '2020-01-01',
			endsOn: '2020-01-31'
		} as never);
		expect(r.ok).toBe(true);
		const list = await phasesOf(db(), spaceId);
		expect(list.map((p) => [p.position, p.title.ro])).toEqual([
			[0, 'Pregătire'],
			[1, 'Propuneri'],
			[2, 'Vot'],
			[3, 'Implementare']
		]);
	});

	it('refuses overlapping phases and an end before the start', async () => {
		const admin = await person(['admin']);
		const now = new Date();
		const { spaceId, phaseIds } = await processWithThreePhases(admin, now);
		const phase = (startsOn: string, endsOn: string) => ({
			title: { ro: 'X' },
			description: { ro: '' },
			startsOn,
			endsOn
		});
		expect(await addPhase(admin, spaceId, phase(day(now, 5), day(now, 20)))).toEqual({
			ok: false,
			errors: { startsOn: 'processes_phase_error_overlap' }
		});
		expect(await addPhase(admin, spaceId, phase(day(now, 90), day(now, 80)))).toEqual({
			ok: false,
			errors: { endsOn: 'processes_phase_error_end_before_start' }
		});
		expect(await addPhase(admin, spaceId, phase('2025-02-30', '2025-03-01'))).toEqual({
			ok: false,
			errors: { startsOn: 'validation_date' }
		});
		// Editing a phase may not make it overlap its neighbour either, but keeping its own dates is fine.
		expect(
			await updatePhase(admin, { spaceId, phaseId: phaseIds[1] }, phase(day(now, -10), day(now, 11)))
		).toMatchObject({
			ok: false
		});
		expect(await updatePhase(admin, { spaceId, phaseId: phaseIds[1] }, phase(day(now, -10), day(now, 10)))).toEqual({
			ok: true,
			value: null
		});
		expect(await db().select().from(phases)).toHaveLength(3);
	});

	it('moves a phase by swapping it into its neighbour’s dates, keeping the calendar', async () => {
		const admin = await person(['admin']);
		const now = new Date();
		const { spaceId, phaseIds } = await processWithThreePhases(admin, now);
		await movePhase(admin, { spaceId, phaseId: phaseIds[2], direction: 'up' });
		const list = await phasesOf(db(), spaceId);
		expect(list.map((p) => [p.title.ro, p.startsOn, p.endsOn])).toEqual([
			['Propuneri', day(now, -30), day(now, -11)],
			['Implementare', day(now, -10), day(now, 10)],
			['Vot', day(now, 11), day(now, 60)]
		]);
		const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, 'phase.move'));
		expect(audit.data).toMatchObject({ direction: 'up' });
	});

	it('deletes a phase, renumbers the rest and drops module settings kept for it', async () => {
		const admin = await person(['admin']);
		const { spaceId, phaseIds } = await processWithThreePhases(admin);
		const mounted = await mountModule(admin, { spaceId, manifest: voting }, { title: { ro: 'Vot' } });
		if (!mounted.ok) throw new Error('mount');
		await configureModule(
			admin,
			{ spaceId, moduleId: mounted.value.id, manifest: voting },
			{
				title: { ro: 'Vot' },
				published: true,
				settings: {},
				phaseSettings: { [phaseIds[0]]: { votingOpen: true } },
				requiredVerifications: {}
			}
		);
		await deletePhase(admin, { spaceId, phaseId: phaseIds[0] });
		expect((await phasesOf(db(), spaceId)).map((p) => p.position)).toEqual([0, 1]);
		const { instance } = await loadModule(db(), voting, mounted.value.id);
		expect(Object.keys(instance.phaseSettings)).not.toContain(phaseIds[0]);
	});
});

describe('mounting and configuring a module', () => {
	it('mounts with default settings, validates settings with the module’s schema, and keeps them per phase', async () => {
		const admin = await person(['admin']);
		const { spaceId, phaseIds } = await processWithThreePhases(admin);
		const mounted = await mountModule(admin, { spaceId, manifest: voting }, { title: { ro: 'Votul' } });
		expect(mounted.ok).toBe(true);
		const moduleId = mounted.ok ? mounted.value.id : '';
		let { instance } = await loadModule(db(), voting, moduleId);
		expect(instance).toMatchObject({ kind: 'voting', published: false, settings: { maxVotes: 3, layout: 'list' } });

		const bad = await configureModule(
			admin,
			{ spaceId, moduleId, manifest: voting },
			{
				title: { ro: '' },
				published: true,
				settings: { maxVotes: 50, layout: 'grid' },
				phaseSettings: {},
				requiredVerifications: { vote: 'passport' }
			}
		);
		expect(bad).toEqual({
			ok: false,
			errors: {
				title_ro: 'validation_required',
				global_maxVotes: 'validation_invalid',
				global_layout: 'validation_invalid',
				verification_vote: 'validation_invalid'
			}
		});

		const good = await configureModule(
			admin,
			{ spaceId, moduleId, manifest: voting },
			{
				title: { ro: 'Votul' },
				published: true,
				settings: { maxVotes: 5 },
				phaseSettings: { [phaseIds[1]]: { votingOpen: true } },
				requiredVerifications: { vote: 'residence', configure: null }
			}
		);
		expect(good.ok).toBe(true);
		({ instance } = await loadModule(db(), voting, moduleId));
		expect(instance.settings).toEqual({ maxVotes: 5, layout: 'list' });
		expect(instance.phaseSettings[phaseIds[0]]).toEqual({ votingOpen: false });
		expect(instance.phaseSettings[phaseIds[1]]).toEqual({ votingOpen: true });
		const audits = await db().select().from(auditLog).where(eq(auditLog.resourceId, moduleId));
		expect(audits.map((a) => a.action).sort()).toEqual(['module.configure', 'module.mount']);
	});

	it('applies the current phase’s settings and the required verification when deciding', async () => {
		const admin = await person(['admin']);
		const now = new Date();
		const { spaceId, phaseIds } = await processWithThreePhases(admin, now);
		const mounted = await mountModule(admin, { spaceId, manifest: voting }, { title: { ro: 'Votul' } });
		const moduleId = mounted.ok ? mounted.value.id : '';
		await configureModule(
			admin,
			{ spaceId, moduleId, manifest: voting },
			{
				title: { ro: 'Votul' },
				published: true,
				settings: {},
				phaseSettings: { [phaseIds[1]]: { votingOpen: true } },
				requiredVerifications: {}
			}
		);
		const citizen = await person();
		const withPhone = await person([], { verifications: ['phone'] });
		const { ctx } = await loadModule(db(), voting, moduleId, now);
		expect(ctx.currentPhaseId).toBe(phaseIds[1]);
		expect(ctx.requiredVerifications).toEqual({ vote: 'phone', configure: null });
		expect(can(withPhone, 'vote', ctx, voting)).toEqual({ allowed: true });
		expect(can(citizen, 'vote', ctx, voting)).toEqual({ allowed: false, reason: 'verification_required:phone' });
		expect(can(anonymous(), 'vote', ctx, voting).allowed).toBe(false);
		expect(can(withPhone, 'fly', ctx, voting).allowed).toBe(false);
		// In the upcoming phase voting is closed (its settings are the defaults).
		const later = await loadModule(db(), voting, moduleId, new Date(now.getTime() + 30 * 86_400_000));
		expect(later.ctx.currentPhaseId).toBe(phaseIds[2]);
		expect(can(withPhone, 'vote', later.ctx, voting)).toEqual({ allowed: false, reason: 'voting_closed' });
	});

	it('unmounts a module, unless its own hook refuses', async () => {
		const admin = await person(['admin']);
		const { spaceId } = await processWithThreePhases(admin);
		const mounted = await mountModule(admin, { spaceId, manifest: voting }, { title: { ro: 'Votul' } });
		const moduleId = mounted.ok ? mounted.value.id : '';
		const refusing = { ...voting, hooks: { beforeDestroy: async () => 'voting_has_votes' } } as AnyModule;
		expect(await unmountModule(admin, { spaceId, moduleId, manifest: refusing })).toEqual({
			ok: false,
			errors: { _form: 'voting_has_votes' }
		});
		await expect(unmountModule(await person(), { spaceId, moduleId, manifest: voting })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await unmountModule(admin, { spaceId, moduleId, manifest: voting })).toEqual({ ok: true, value: null });
		await expect(loadModule(db(), voting, moduleId)).rejects.toBeInstanceOf(NotFoundError);
		expect((await db().select().from(auditLog).where(eq(auditLog.action, 'module.unmount'))).length).toBe(1);
	});

	it('answers 404 for a module of another kind', async () => {
		const admin = await person(['admin']);
		const { spaceId } = await processWithThreePhases(admin);
		const mounted = await mountModule(admin, { spaceId, manifest: voting }, { title: { ro: 'Votul' } });
		const other = { ...voting, name: 'surveys' } as AnyModule;
		await expect(loadModule(db(), other, mounted.ok ? mounted.value.id : '')).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('publishing', () => {
	it('needs at least one phase', async () => {
		const admin = await person(['admin']);
		const created = await createProcess(admin, processInput());
		const id = created.ok ? created.value.id : '';
		expect(await publishProcess(admin, id)).toEqual({
			ok: false,
			errors: { _form: 'processes_publish_error_no_phases' }
		});
	});

	it('makes the process public, starts its clock at the current phase, and unpublishing hides it again', async () => {
		const admin = await person(['admin']);
		const now = new Date();
		const { spaceId, phaseIds } = await processWithThreePhases(admin, now);
		expect(await publishProcess(admin, spaceId, now)).toEqual({ ok: true, value: null });
		const [space] = await db().select().from(spaces);
		expect(space.status).toBe('published');
		expect(space.publishedAt).toBeInstanceOf(Date);
		const [clock] = await db().select().from(spaceClock);
		expect(clock).toMatchObject({ spaceId, currentPhaseId: phaseIds[1] });
		const docs = await db().select().from(searchDocuments).where(eq(searchDocuments.resourceId, spaceId));
		expect(docs.every((d) => d.visibility === 'public')).toBe(true);

		await unpublishProcess(admin, spaceId);
		const [after] = await db().select().from(spaces);
		expect(after.status).toBe('draft');
		expect((await db().select().from(auditLog).where(eq(auditLog.spaceId, spaceId))).map((a) => a.action)).toEqual(
			expect.arrayContaining(['space.publish', 'space.unpublish'])
		);
	});
});

describe('the JSON API', () => {
	it('lists only published processes, with phases, statuses and the current phase', async () => {
		const admin = await person(['admin']);
		const now = new Date();
		const published = await processWithThreePhases(admin, now, 'Proces publicat');
		await processWithThreePhases(admin, now, 'Proces ciornă');
		await publishProcess(admin, published.spaceId, now);
		const list = await processListForApi(null, now);
		expect(list.data.map((p) => p.slug)).toEqual(['proces-publicat']);
		const [p] = list.data;
		expect(p.currentPhaseId).toBe(published.phaseIds[1]);
		expect(p.nextPhaseId).toBe(published.phaseIds[2]);
		expect(p.phases.map((ph) => ph.status)).toEqual(['past', 'current', 'upcoming']);
		expect(p.title).toEqual({ ro: 'Proces publicat', en: 'Participatory budgeting 2025' });
		expect(list.meta).toMatchObject({ timeZone: 'Europe/Bucharest', locale: null });
	});

	it('gives strings in one locale with ?locale=, falling back to Romanian', async () => {
		const admin = await person(['admin']);
		const { spaceId, slug } = await processWithThreePhases(admin);
		await publishProcess(admin, spaceId);
		const one = await processForApi(slug, 'hu');
		expect(one.data.title).toBe('Bugetare participativă 2025');
		expect(one.data.phases[0].title).toBe('Propuneri');
		const en = await processForApi(slug, 'en');
		expect(en.data.title).toBe('Participatory budgeting 2025');
	});

	it('does not show a draft, even by slug', async () => {
		const admin = await person(['admin']);
		const { slug } = await processWithThreePhases(admin);
		await expect(processForApi(slug, null)).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('the phase clock', () => {
	it('notices a phase change once, calls every module’s hook and tells followers', async () => {
		phaseChanged.mockClear();
		const admin = await person(['admin']);
		const follower = await person();
		const now = new Date();
		const { spaceId, phaseIds } = await processWithThreePhases(admin, now);
		const mounted = await mountModule(admin, { spaceId, manifest: voting }, { title: { ro: 'Votul' } });
		await publishProcess(admin, spaceId, now);
		await db().insert(follows).values({ userId: follower.id, resourceType: 'space', resourceId: spaceId });
		const find = (kind: string) => (kind === 'voting' ? voting : undefined);

		expect(await advancePhaseClocks(db(), now, find)).toEqual([]);
		expect(phaseChanged).not.toHaveBeenCalled();

		const later = new Date(now.getTime() + 20 * 86_400_000);
		const changes = await advancePhaseClocks(db(), later, find);
		expect(changes).toEqual([{ spaceId, slug: expect.any(String), from: phaseIds[1], to: phaseIds[2] }]);
		expect(phaseChanged).toHaveBeenCalledTimes(1);
		expect(phaseChanged).toHaveBeenCalledWith(expect.anything(), mounted.ok && mounted.value.id, {
			from: phaseIds[1],
			to: phaseIds[2]
		});
		const notes = await db().select().from(notifications).where(eq(notifications.userId, follower.id));
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatchObject({ key: 'processes_notification_phase_changed' });

		// Running again (or from a second process) changes nothing.
		expect(await advancePhaseClocks(db(), later, find)).toEqual([]);
		expect(phaseChanged).toHaveBeenCalledTimes(1);
		const [clock] = await db().select().from(spaceClock).where(eq(spaceClock.spaceId, spaceId));
		expect(clock.currentPhaseId).toBe(phaseIds[2]);
	});

	it('records the end of the last phase as a change to no phase, without notifying', async () => {
		const admin = await person(['admin']);
		const now = new Date();
		const { spaceId } = await processWithThreePhases(admin, now);
		await publishProcess(admin, spaceId, now);
		const afterAll = new Date(now.getTime() + 90 * 86_400_000);
		const changes = await advancePhaseClocks(db(), afterAll, () => undefined);
		expect(changes).toMatchObject([{ spaceId, to: null }]);
		expect(await db().select().from(notifications)).toHaveLength(0);
	});

	it('retries a change whose module hook failed, instead of losing it', async () => {
		const admin = await person(['admin']);
		const now = new Date();
		const { spaceId } = await processWithThreePhases(admin, now);
		await mountModule(admin, { spaceId, manifest: voting }, { title: { ro: 'Votul' } });
		await publishProcess(admin, spaceId, now);
		const later = new Date(now.getTime() + 20 * 86_400_000);
		const failing = { ...voting, hooks: { phaseChanged: async () => Promise.reject(new Error('boom')) } } as AnyModule;
		expect(await advancePhaseClocks(db(), later, () => failing)).toEqual([]);
		const [clock] = await db()
			.select()
			.from(spaceClock)
			.where(and(eq(spaceClock.spaceId, spaceId)));
		expect(clock.currentPhaseId).not.toBeNull();
		expect(await advancePhaseClocks(db(), later, () => voting)).toHaveLength(1);
	});
});
