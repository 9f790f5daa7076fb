/**
 * Saves a mounted module's title, visibility, global settings, settings per phase and the verification each action
 * requires. Settings are validated by the module's own zod schemas; errors are keyed like the generated form inputs.
 */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { verificationKinds } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { moduleInstances } from '../../db/schema.ts';
import type { AnyModule } from '../../modules/define-module.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type FieldErrors, type Result } from '../../result.ts';
import { cleanTranslated, fieldErrors, ModuleTitleInput } from '../forms.ts';
import { canManageSpace } from '../policy.ts';
import { findMountedModule, phasesOf } from '../queries.ts';

export interface ModuleConfiguration {
	title: Record<string, string | undefined>;
	published: boolean;
	settings: Record<string, unknown>;
	/** phase id → that phase's settings */
	phaseSettings: Record<string, Record<string, unknown>>;
	/** action → verification kind, or '' / null for none */
	requiredVerifications: Record<string, string | null>;
}

export async function configureModule(
	actor: Actor,
	{ spaceId, moduleId, manifest }: { spaceId: string; moduleId: string; manifest: AnyModule },
	input: ModuleConfiguration
): Promise<Result<null>> {
	authorize(canManageSpace(actor, spaceId));
	const db = await getDb();
	const mod = await findMountedModule(db, moduleId);
	if (!mod || mod.spaceId !== spaceId || mod.kind !== manifest.name) throw new NotFoundError('module');
	const errors: FieldErrors = {};
	const title = ModuleTitleInput.safeParse({ title: input.title });
	if (!title.success) Object.assign(errors, fieldErrors(title.error));
	const settings = manifest.settings.global.safeParse(input.settings);
	if (!settings.success) Object.assign(errors, prefixed('global', fieldErrors(settings.error)));
	const phaseSettings: Record<string, Record<string, unknown>> = {};
	for (const phase of await phasesOf(db, spaceId)) {
		const parsed = manifest.settings.phase.safeParse(input.phaseSettings[phase.id] ?? {});
		if (parsed.success) phaseSettings[phase.id] = parsed.data;
		else Object.assign(errors, prefixed(`phase_${phase.id}`, fieldErrors(parsed.error)));
	}
	const requiredVerifications: Record<string, string | null> = {};
	for (const action of manifest.actions) {
		// An action left out keeps the manifest's default; an empty choice means "none" explicitly.
		if (!(action in input.requiredVerifications)) continue;
		const wanted = input.requiredVerifications[action] || null;
		if (wanted && !(verificationKinds as readonly string[]).includes(wanted))
			errors[`verification_${action}`] = 'validation_invalid';
		requiredVerifications[action] = wanted;
	}
	if (Object.keys(errors).length || !title.success || !settings.success) return invalid(errors);
	await db.transaction(async (tx) => {
		await tx
			.update(moduleInstances)
			.set({
				title: cleanTranslated(title.data.title),
				published: input.published,
				settings: settings.data,
				phaseSettings,
				requiredVerifications
			})
			.where(eq(moduleInstances.id, moduleId));
		await recordAction(tx, actor, {
			action: 'module.configure',
			resourceType: 'module',
			resourceId: moduleId,
			spaceId,
			data: { kind: manifest.name, published: input.published, settings: settings.data, requiredVerifications }
		});
	});
	return ok(null);
}

const prefixed = (prefix: string, errors: FieldErrors): FieldErrors =>
	Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}_${k}`, v]));
