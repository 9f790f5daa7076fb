/**
 * The module runtime: loads a mounted module with its settings (parsed with defaults), the settings of the current
 * phase, and decides what an actor may do there, honouring the verification the space requires for each action.
 * Takes the manifest as a parameter: the platform never imports a module (spaces-runtime passes the registry's).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../db/index.ts';
import { moduleInstances, phases, spaces } from '../db/schema.ts';
import { verificationKinds, type Actor, type VerificationKind } from '../actors/actor.ts';
import type { Decision } from '../permissions/index.ts';
import { requireVerification } from '../permissions/verification.ts';
import { sharedData } from '../http/shared-data.ts';
import { NotFoundError } from '../result.ts';
import { currentPhaseAt } from '../spaces/timeline.ts';
import type { AnyModule, ModuleContext } from './define-module.ts';

export type ModuleInstance = typeof moduleInstances.$inferSelect;

/** Parses stored settings with the schema's defaults; a stored value the schema no longer accepts falls back too. */
export function parseSettings<S extends z.ZodObject>(schema: S, raw: unknown): z.infer<S> {
	const parsed = schema.safeParse(raw ?? {});
	if (parsed.success) return parsed.data;
	const kept: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
	for (const issue of parsed.error.issues) delete kept[String(issue.path[0])];
	return schema.parse(kept);
}

/** The verification each action needs in this instance: the instance's choice, else the manifest's default. */
export function requiredVerificationsOf(
	manifest: AnyModule,
	stored: Record<string, string | null>
): Record<string, VerificationKind | null> {
	const defaults = (manifest.defaultVerification ?? {}) as Record<string, VerificationKind | null | undefined>;
	return Object.fromEntries(
		manifest.actions.map((action) => {
			const chosen = action in stored ? stored[action] : defaults[action];
			return [action, verificationKinds.includes(chosen as VerificationKind) ? (chosen as VerificationKind) : null];
		})
	);
}

/** Builds the permission context of an instance from rows already loaded (no database access). */
export function moduleContext(
	manifest: AnyModule,
	instance: ModuleInstance,
	space: { id: string; slug: string; status: string },
	spacePhases: { id: string; position: number; startsOn: string; endsOn: string }[],
	now: Date = new Date()
): ModuleContext {
	const current = currentPhaseAt(spacePhases, now);
	return {
		module: { id: instance.id, spaceId: instance.spaceId, kind: instance.kind, published: instance.published },
		space,
		settings: parseSettings(manifest.settings.global, instance.settings),
		phaseSettings: parseSettings(manifest.settings.phase, current ? instance.phaseSettings[current.id] : {}),
		currentPhaseId: current?.id ?? null,
		requiredVerifications: requiredVerificationsOf(manifest, instance.requiredVerifications)
	};
}

/** Loads a mounted module of the manifest's kind and its context at `now`; 404 when absent or of another kind. */
export async function loadModule(
	db: Db,
	manifest: AnyModule,
	moduleId: string,
	now: Date = new Date()
): Promise<{ instance: ModuleInstance; ctx: ModuleContext }> {
	const rows = await sharedData(`module:${manifest.name}:${moduleId}`, () => moduleRows(db, manifest, moduleId));
	if (!rows) throw new NotFoundError('module');
	return { instance: rows.instance, ctx: moduleContext(manifest, rows.instance, rows.space, rows.spacePhases, now) };
}

/** A mounted module of the manifest's kind with its space and the space's phases, or null. */
async function moduleRows(db: Db, manifest: AnyModule, moduleId: string) {
	const [row] = await db
		.select({ instance: moduleInstances, space: { id: spaces.id, slug: spaces.slug, status: spaces.status } })
		.from(moduleInstances)
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(and(eq(moduleInstances.id, moduleId), eq(moduleInstances.kind, manifest.name)));
	if (!row) return null;
	const spacePhases = await db
		.select({ id: phases.id, position: phases.position, startsOn: phases.startsOn, endsOn: phases.endsOn })
		.from(phases)
		.where(eq(phases.spaceId, row.space.id))
		.orderBy(asc(phases.position));
	return { ...row, spacePhases };
}

/** May the actor take this action in this module now? The module's rule first, then the required verification. */
export function can(actor: Actor, action: string, ctx: ModuleContext, manifest: AnyModule): Decision {
	if (!manifest.actions.includes(action)) return { allowed: false, reason: `unknown_action:${action}` };
	const decision = manifest.permissions(actor, action, ctx);
	if (!decision.allowed) return decision;
	const required = ctx.requiredVerifications[action];
	return required ? requireVerification(actor, required) : decision;
}
