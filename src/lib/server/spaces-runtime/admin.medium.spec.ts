import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../tests/setup/database.ts';
import { person, processWithThreePhases } from '../../../../tests/support/spaces.ts';
import { anonymous } from '../platform/actors/actor.ts';
import { auditLog, moduleInstances, searchDocuments, spaces } from '../platform/db/schema.ts';
import { ForbiddenError, NotFoundError } from '../platform/result.ts';
import { createPage } from '../modules/pages/index.ts';
import {
	moduleConfigurationForm,
	mountModuleOfKind,
	publishProcessAndModules,
	saveModuleConfiguration,
	unmountModuleFromSpace,
	unpublishProcessAndModules
} from './admin.ts';

const database = useTestDatabase();
const db = () => database().db;

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};

const audits = (action: string) => db().select().from(auditLog).where(eq(auditLog.action, action));
const pageDocs = (pageId: string) =>
	db()
		.select()
		.from(searchDocuments)
		.where(and(eq(searchDocuments.resourceType, 'page'), eq(searchDocuments.resourceId, pageId)));

/** A process with three phases and a mounted pages module holding one page. */
async function processWithPages() {
	const admin = await person(['admin']);
	const process = await processWithThreePhases(admin);
	const mounted = await mountModuleOfKind(admin, process.spaceId, form({ kind: 'pages', title_ro: 'Informații' }));
	if (!mounted.ok) throw new Error(JSON.stringify(mounted.errors));
	const page = await createPage(
		admin,
		{ moduleId: mounted.value.id },
		{ title: { ro: 'Regulament' }, body: { ro: 'Cine poate propune.' } }
	);
	if (!page.ok) throw new Error(JSON.stringify(page.errors));
	return { admin, ...process, moduleId: mounted.value.id, pageId: page.value.id };
}

/** The settings form as the admin page submits it: every generated field, with the given changes. */
async function settingsForm(spaceId: string, moduleId: string, changes: Record<string, string | null>) {
	const admin = await person(['admin']);
	const config = await moduleConfigurationForm(admin, spaceId, moduleId);
	const fields: Record<string, string> = { title_ro: config.module.title.ro };
	for (const field of [...config.global, ...config.phases.flatMap((p) => p.fields)])
		if (field.type !== 'boolean') fields[field.name] = String(field.value);
		else if (field.value) fields[field.name] = 'on';
	for (const action of config.actions) fields[action.name] = action.value;
	for (const [k, v] of Object.entries(changes))
		if (v === null) delete fields[k];
		else fields[k] = v;
	return form(fields);
}

describe('mounting a module of a kind chosen in the form', () => {
	it('mounts it with the default settings, unpublished and audited', async () => {
		const admin = await person(['staff']);
		const { spaceId } = await processWithThreePhases(admin);
		const mounted = await mountModuleOfKind(admin, spaceId, form({ kind: 'pages', title_ro: 'Informații' }));
		expect(mounted).toMatchObject({ ok: true, value: { kind: 'pages' } });
		const id = mounted.ok ? mounted.value.id : '';
		const [row] = await db().select().from(moduleInstances).where(eq(moduleInstances.id, id));
		expect(row).toMatchObject({
			spaceId,
			kind: 'pages',
			published: false,
			title: { ro: 'Informații' },
			settings: { listStyle: 'list', showUpdatedDate: true }
		});
		const [audit] = await audits('module.mount');
		expect(audit).toMatchObject({ actorId: admin.id, resourceId: id, spaceId, data: { kind: 'pages' } });
	});

	it('asks for a kind and a Romanian title, and answers 404 for a kind the registry does not have', async () => {
		const admin = await person(['admin']);
		const { spaceId } = await processWithThreePhases(admin);
		expect(await mountModuleOfKind(admin, spaceId, form({ title_ro: 'Informații' }))).toEqual({
			ok: false,
			errors: { kind: 'processes_error_module_kind' }
		});
		expect(await mountModuleOfKind(admin, spaceId, form({ kind: 'pages', title_ro: ' ' }))).toEqual({
			ok: false,
			errors: { title_ro: 'validation_required' }
		});
		await expect(
			mountModuleOfKind(admin, spaceId, form({ kind: 'no-such-module', title_ro: 'Chestionar' }))
		).rejects.toBeInstanceOf(NotFoundError);
		expect(await db().select().from(moduleInstances)).toEqual([]);
		expect(await audits('module.mount')).toEqual([]);
	});

	it('lets the space’s administrators mount, and refuses anyone else before looking at the kind', async () => {
		const admin = await person(['admin']);
		const { spaceId } = await processWithThreePhases(admin);
		const other = await processWithThreePhases(admin, new Date(), 'Alt proces');
		const spaceAdmin = await person([], { spaceRoles: { [spaceId]: ['admin'] } });
		expect((await mountModuleOfKind(spaceAdmin, spaceId, form({ kind: 'pages', title_ro: 'A' }))).ok).toBe(true);
		for (const actor of [anonymous(), await person(), await person(['moderator']), await person(['evaluator'])])
			await expect(mountModuleOfKind(actor, spaceId, form({ kind: 'no-such-kind' }))).rejects.toBeInstanceOf(
				ForbiddenError
			);
		await expect(
			mountModuleOfKind(spaceAdmin, other.spaceId, form({ kind: 'pages', title_ro: 'B' }))
		).rejects.toBeInstanceOf(ForbiddenError);
		expect((await db().select().from(moduleInstances)).map((m) => m.spaceId)).toEqual([spaceId]);
	});
});

describe('the generated settings form of a mounted module', () => {
	it('has the global fields, the fields of every phase and the verification of every action', async () => {
		const { admin, spaceId, phaseIds, moduleId } = await processWithPages();
		const config = await moduleConfigurationForm(admin, spaceId, moduleId);
		expect(config.titleKey).toBe('pages_module_name');
		expect(config.global.map((f) => [f.name, f.type, f.value])).toEqual([
			['global_listStyle', 'enum', 'list'],
			['global_showUpdatedDate', 'boolean', true]
		]);
		expect(config.global[0]).toMatchObject({ options: ['list', 'cards'], labelKey: 'pages_setting_list_style' });
		expect(config.phases.map((p) => p.phase.id)).toEqual(phaseIds);
		expect(config.phases.map((p) => p.fields.map((f) => f.name))).toEqual(
			phaseIds.map((id) => [`phase_${id}_visible`])
		);
		expect(config.actions).toEqual([
			{ action: 'read', labelKey: 'pages_action_read', name: 'verification_read', value: '' },
			{ action: 'manage', labelKey: 'pages_action_manage', name: 'verification_manage', value: '' }
		]);
		expect(config.verificationKinds).toEqual(['email', 'phone', 'residence', 'age', 'in_person', 'organisation']);
	});

	it('answers 404 for a module of another process and 403 to those who may not manage the process', async () => {
		const { admin, spaceId, moduleId } = await processWithPages();
		const other = await processWithThreePhases(admin, new Date(), 'Alt proces');
		await expect(moduleConfigurationForm(admin, other.spaceId, moduleId)).rejects.toBeInstanceOf(NotFoundError);
		await expect(moduleConfigurationForm(admin, spaceId, crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
		for (const actor of [anonymous(), await person(), await person(['moderator'])])
			await expect(moduleConfigurationForm(actor, spaceId, moduleId)).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('saving a module’s settings', () => {
	it('stores title, visibility, settings per phase and verifications, audits them and re-indexes the pages', async () => {
		const { admin, spaceId, phaseIds, moduleId, pageId } = await processWithPages();
		expect(await publishProcessAndModules(admin, spaceId)).toEqual({ ok: true, value: null });
		// The module is still unpublished, so its page is found by staff only.
		expect((await pageDocs(pageId)).map((d) => d.visibility)).toEqual(['staff']);

		const submitted = await settingsForm(spaceId, moduleId, {
			title_ro: 'Informații utile',
			title_en: 'Useful information',
			published: 'on',
			global_listStyle: 'cards',
			global_showUpdatedDate: null,
			[`phase_${phaseIds[2]}_visible`]: null,
			verification_read: 'phone'
		});
		expect(await saveModuleConfiguration(admin, spaceId, moduleId, submitted)).toEqual({ ok: true, value: null });

		const [row] = await db().select().from(moduleInstances).where(eq(moduleInstances.id, moduleId));
		expect(row).toMatchObject({
			title: { ro: 'Informații utile', en: 'Useful information' },
			published: true,
			settings: { listStyle: 'cards', showUpdatedDate: false },
			phaseSettings: {
				[phaseIds[0]]: { visible: true },
				[phaseIds[1]]: { visible: true },
				[phaseIds[2]]: { visible: false }
			},
			requiredVerifications: { read: 'phone', manage: null }
		});
		const [audit] = await audits('module.configure');
		expect(audit).toMatchObject({
			actorId: admin.id,
			resourceId: moduleId,
			spaceId,
			data: { kind: 'pages', published: true, requiredVerifications: { read: 'phone', manage: null } }
		});
		expect((await pageDocs(pageId)).map((d) => d.visibility)).toEqual(['public']);
		const config = await moduleConfigurationForm(admin, spaceId, moduleId);
		expect(config.actions.find((a) => a.action === 'read')?.value).toBe('phone');
	});

	it('reports every invalid field by its input name and changes nothing', async () => {
		const { admin, spaceId, moduleId } = await processWithPages();
		const submitted = await settingsForm(spaceId, moduleId, {
			title_ro: '',
			published: 'on',
			global_listStyle: 'grid',
			verification_manage: 'passport'
		});
		expect(await saveModuleConfiguration(admin, spaceId, moduleId, submitted)).toEqual({
			ok: false,
			errors: {
				title_ro: 'validation_required',
				global_listStyle: 'validation_invalid',
				verification_manage: 'validation_invalid'
			}
		});
		const [row] = await db().select().from(moduleInstances).where(eq(moduleInstances.id, moduleId));
		expect(row).toMatchObject({ title: { ro: 'Informații' }, published: false, settings: { listStyle: 'list' } });
		expect(await audits('module.configure')).toEqual([]);
	});

	it('refuses those who may not manage the process, and a module of another process', async () => {
		const { admin, spaceId, moduleId } = await processWithPages();
		const other = await processWithThreePhases(admin, new Date(), 'Alt proces');
		const submitted = await settingsForm(spaceId, moduleId, { published: 'on' });
		for (const actor of [anonymous(), await person(), await person(['evaluator'])])
			await expect(saveModuleConfiguration(actor, spaceId, moduleId, submitted)).rejects.toBeInstanceOf(ForbiddenError);
		const spaceAdminElsewhere = await person([], { spaceRoles: { [other.spaceId]: ['admin'] } });
		await expect(
			saveModuleConfiguration(spaceAdminElsewhere, other.spaceId, moduleId, submitted)
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(saveModuleConfiguration(spaceAdminElsewhere, spaceId, moduleId, submitted)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const [row] = await db().select().from(moduleInstances).where(eq(moduleInstances.id, moduleId));
		expect(row.published).toBe(false);
	});
});

describe('unmounting a module', () => {
	it('removes an empty module, audited with its kind and title', async () => {
		const admin = await person(['admin']);
		const { spaceId } = await processWithThreePhases(admin);
		const mounted = await mountModuleOfKind(admin, spaceId, form({ kind: 'pages', title_ro: 'Goale' }));
		const moduleId = mounted.ok ? mounted.value.id : '';
		expect(await unmountModuleFromSpace(admin, spaceId, moduleId)).toEqual({ ok: true, value: null });
		expect(await db().select().from(moduleInstances)).toEqual([]);
		const [audit] = await audits('module.unmount');
		expect(audit).toMatchObject({
			actorId: admin.id,
			resourceId: moduleId,
			spaceId,
			data: { kind: 'pages', title: 'Goale' }
		});
	});

	it('keeps a module whose pages would be lost, saying why', async () => {
		const { admin, spaceId, moduleId } = await processWithPages();
		expect(await unmountModuleFromSpace(admin, spaceId, moduleId)).toEqual({
			ok: false,
			errors: { _form: 'pages_error_unmount_has_pages' }
		});
		expect((await db().select().from(moduleInstances)).map((m) => m.id)).toEqual([moduleId]);
		expect(await audits('module.unmount')).toEqual([]);
	});

	it('refuses those who may not manage the process, and answers 404 for an unknown module', async () => {
		const admin = await person(['admin']);
		const { spaceId } = await processWithThreePhases(admin);
		const mounted = await mountModuleOfKind(admin, spaceId, form({ kind: 'pages', title_ro: 'Goale' }));
		const moduleId = mounted.ok ? mounted.value.id : '';
		for (const actor of [anonymous(), await person(), await person(['moderator'])])
			await expect(unmountModuleFromSpace(actor, spaceId, moduleId)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(unmountModuleFromSpace(admin, spaceId, crypto.randomUUID())).rejects.toBeInstanceOf(NotFoundError);
		expect((await db().select().from(moduleInstances)).length).toBe(1);
	});
});

describe('taking a process back to draft', () => {
	it('hides the process and its modules’ documents from the public, audited once', async () => {
		const { admin, spaceId, moduleId, pageId } = await processWithPages();
		await saveModuleConfiguration(admin, spaceId, moduleId, await settingsForm(spaceId, moduleId, { published: 'on' }));
		await publishProcessAndModules(admin, spaceId);
		expect((await pageDocs(pageId)).map((d) => d.visibility)).toEqual(['public']);

		expect(await unpublishProcessAndModules(admin, spaceId)).toEqual({ ok: true, value: null });
		const [space] = await db().select().from(spaces).where(eq(spaces.id, spaceId));
		expect(space.status).toBe('draft');
		expect((await pageDocs(pageId)).map((d) => d.visibility)).toEqual(['staff']);
		const processDocs = await db().select().from(searchDocuments).where(eq(searchDocuments.resourceId, spaceId));
		expect(new Set(processDocs.map((d) => d.visibility))).toEqual(new Set(['staff']));
		// A draft is already unpublished: nothing to do, nothing to audit.
		expect(await unpublishProcessAndModules(admin, spaceId)).toEqual({ ok: true, value: null });
		expect(await audits('space.unpublish')).toMatchObject([{ actorId: admin.id, resourceId: spaceId, spaceId }]);
	});

	it('is refused to those who may not manage the process, leaving it published', async () => {
		const { admin, spaceId } = await processWithPages();
		await publishProcessAndModules(admin, spaceId);
		const spaceAdmin = await person([], { spaceRoles: { [spaceId]: ['admin'] } });
		for (const actor of [anonymous(), await person(), await person(['evaluator'])])
			await expect(unpublishProcessAndModules(actor, spaceId)).rejects.toBeInstanceOf(ForbiddenError);
		const [space] = await db().select().from(spaces).where(eq(spaces.id, spaceId));
		expect(space.status).toBe('published');
		expect((await unpublishProcessAndModules(spaceAdmin, spaceId)).ok).toBe(true);
		expect(await audits('space.unpublish')).toMatchObject([{ actorId: spaceAdmin.id }]);
	});
});
