/**
 * Admin use cases that need the module registry: mount a module of a kind, its generated settings form (global,
 * per phase, required verification per action), and publishing (which re-indexes the modules' documents).
 */
import { verificationKinds, type Actor } from '../platform/actors/actor.ts';
import { getDb } from '../platform/db/index.ts';
import { parseSettings, requiredVerificationsOf } from '../platform/modules/runtime.ts';
import { readSettingsForm, settingsFields } from '../platform/modules/settings-form.ts';
import { authorize } from '../platform/permissions/index.ts';
import { invalid, NotFoundError, type Result } from '../platform/result.ts';
import { configureModule } from '../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../platform/spaces/commands/mount-module.ts';
import { publishProcess } from '../platform/spaces/commands/publish-process.ts';
import { unmountModule } from '../platform/spaces/commands/unmount-module.ts';
import { unpublishProcess } from '../platform/spaces/commands/unpublish-process.ts';
import { readTranslated } from '../platform/spaces/forms.ts';
import { canManageSpace } from '../platform/spaces/policy.ts';
import { getProcessForAdmin } from '../platform/spaces/queries.ts';
import { manifestOf } from './manifests.ts';
import { reindexSpace } from './search.ts';

/** Mounts a module of the kind chosen in the form (an unknown kind is a 404: the form only offers the registry's). */
export async function mountModuleOfKind(
	actor: Actor,
	spaceId: string,
	form: FormData
): Promise<Result<{ id: string; kind: string }>> {
	authorize(canManageSpace(actor, spaceId));
	const kind = String(form.get('kind') ?? '');
	if (!kind) return invalid({ kind: 'processes_error_module_kind' });
	const manifest = manifestOf(kind);
	const result = await mountModule(actor, { spaceId, manifest }, { title: readTranslated(form, 'title') });
	return result.ok ? { ok: true, value: { id: result.value.id, kind } } : result;
}

/** Everything the module settings page shows; fields are generated from the manifest's zod schemas. */
export async function moduleConfigurationForm(actor: Actor, spaceId: string, moduleId: string) {
	authorize(canManageSpace(actor, spaceId));
	const process = await getProcessForAdmin(actor, spaceId);
	const mod = process.modules.find((m) => m.id === moduleId);
	if (!mod) throw new NotFoundError('module');
	const manifest = manifestOf(mod.kind);
	const verifications = requiredVerificationsOf(manifest, mod.requiredVerifications);
	return {
		process,
		module: mod,
		titleKey: manifest.titleKey,
		global: settingsFields(
			manifest.name,
			manifest.settings.global,
			parseSettings(manifest.settings.global, mod.settings),
			'global_'
		),
		phases: process.phases.map((phase) => ({
			phase,
			fields: settingsFields(
				manifest.name,
				manifest.settings.phase,
				parseSettings(manifest.settings.phase, mod.phaseSettings[phase.id]),
				`phase_${phase.id}_`
			)
		})),
		actions: manifest.actions.map((action) => ({
			action,
			labelKey: `${manifest.name}_action_${action}`,
			name: `verification_${action}`,
			value: verifications[action] ?? ''
		})),
		verificationKinds: [...verificationKinds]
	};
}

/** Saves the generated settings form of a mounted module, then re-indexes the space (visibility may have changed). */
export async function saveModuleConfiguration(actor: Actor, spaceId: string, moduleId: string, form: FormData) {
	authorize(canManageSpace(actor, spaceId));
	const process = await getProcessForAdmin(actor, spaceId);
	const mod = process.modules.find((m) => m.id === moduleId);
	if (!mod) throw new NotFoundError('module');
	const manifest = manifestOf(mod.kind);
	const result = await configureModule(
		actor,
		{ spaceId, moduleId, manifest },
		{
			title: readTranslated(form, 'title'),
			published: form.get('published') === 'on',
			settings: readSettingsForm(manifest.settings.global, form, 'global_'),
			phaseSettings: Object.fromEntries(
				process.phases.map((p) => [p.id, readSettingsForm(manifest.settings.phase, form, `phase_${p.id}_`)])
			),
			requiredVerifications: Object.fromEntries(
				manifest.actions.map((a) => [a, String(form.get(`verification_${a}`) ?? '') || null])
			)
		}
	);
	if (result.ok) await reindexSpace(await getDb(), spaceId);
	return result;
}

/** Removes a mounted module, through its own manifest (which may refuse). */
export async function unmountModuleFromSpace(actor: Actor, spaceId: string, moduleId: string) {
	authorize(canManageSpace(actor, spaceId));
	const process = await getProcessForAdmin(actor, spaceId);
	const mod = process.modules.find((m) => m.id === moduleId);
	if (!mod) throw new NotFoundError('module');
	return unmountModule(actor, { spaceId, moduleId, manifest: manifestOf(mod.kind) });
}

/** Publishes a process, then indexes its modules' documents for the public. */
export async function publishProcessAndModules(actor: Actor, spaceId: string) {
	authorize(canManageSpace(actor, spaceId));
	const result = await publishProcess(actor, spaceId);
	if (result.ok) await reindexSpace(await getDb(), spaceId);
	return result;
}

/** Takes a process back to draft, then re-indexes its modules' documents as staff-only. */
export async function unpublishProcessAndModules(actor: Actor, spaceId: string) {
	authorize(canManageSpace(actor, spaceId));
	const result = await unpublishProcess(actor, spaceId);
	if (result.ok) await reindexSpace(await getDb(), spaceId);
	return result;
}
