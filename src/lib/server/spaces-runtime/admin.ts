/**
 * Admin use cases that need the module registry: mount a module of a kind, its generated settings form (global,
 * per phase, required verification per action), and publishing (which re-indexes the modules' documents).
 */
import { verificationKinds, type Actor } from '../platform/actors/actor.ts';
import { getDb } from '../platform/db/index.ts';
import { parseSettings, requiredVerificationsOf } from '../platform/modules/runtime.ts';
import { readSettingsForm, settingsFields } from '../platform/modules/settings-form.ts';
import { NotFoundError, type Result } from '../platform/result.ts';
import { configureModule } from '../platform/spaces/commands/configure-module.ts';
import { mountModule } from '../platform/spaces/commands/mount-module.ts';
import { publishProcess } from '../platform/spaces/commands/publish-process.ts';
import { unmountModule } from '../platform/spaces/commands/unmount-module.ts';
import { unpublishProcess } from '../platform/spaces/commands/unpublish-process.ts';
import { readTranslated } from '../platform/spaces/forms.ts';
import { getProcessForAdmin } from '../platform/spaces/queries.ts';
import { manifestOf } from './manifests.ts';
import { reindexSpace } from './search.ts';

export async function mountModuleOfKind(
	actor: Actor,
	spaceId: string,
	form: FormData
): Promise<Result<{ id: string; kind: string }>> {
	const kind = String(form.get('kind') ?? '');
	const manifest = manifestOf(kind);
	const result = await mountModule(actor, { spaceId, manifest }, { title: readTranslated(form, 'title') });
	return result.ok ? { ok: true, value: { id: result.value.id, kind } } : result;
}

/** Everything the module settings page shows; fields are generated from the manifest's zod schemas. */
export async function moduleConfigurationForm(actor: Actor, spaceId: string, moduleId: string) {
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

export async function saveModuleConfiguration(actor: Actor, spaceId: string, moduleId: string, form: FormData) {
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

export async function unmountModuleFromSpace(actor: Actor, spaceId: string, moduleId: string) {
	const process = await getProcessForAdmin(actor, spaceId);
	const mod = process.modules.find((m) => m.id === moduleId);
	if (!mod) throw new NotFoundError('module');
	return unmountModule(actor, { spaceId, moduleId, manifest: manifestOf(mod.kind) });
}

export async function publishProcessAndModules(actor: Actor, spaceId: string) {
	const result = await publishProcess(actor, spaceId);
	if (result.ok) await reindexSpace(await getDb(), spaceId);
	return result;
}

export async function unpublishProcessAndModules(actor: Actor, spaceId: string) {
	const result = await unpublishProcess(actor, spaceId);
	if (result.ok) await reindexSpace(await getDb(), spaceId);
	return result;
}
