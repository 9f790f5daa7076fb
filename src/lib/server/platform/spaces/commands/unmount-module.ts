/** Removes a module from a process, unless the module refuses (for instance because people's content is in it). */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { moduleInstances } from '../../db/schema.ts';
import type { AnyModule } from '../../modules/define-module.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { canManageSpace } from '../policy.ts';
import { findMountedModule } from '../queries.ts';

export async function unmountModule(
	actor: Actor,
	{ spaceId, moduleId, manifest }: { spaceId: string; moduleId: string; manifest: AnyModule }
): Promise<Result<null>> {
	authorize(canManageSpace(actor, spaceId));
	const db = await getDb();
	const mod = await findMountedModule(db, moduleId);
	if (!mod || mod.spaceId !== spaceId || mod.kind !== manifest.name) throw new NotFoundError('module');
	const refusal = (await manifest.hooks?.beforeDestroy?.(db, moduleId)) ?? null;
	if (refusal) return invalid({ _form: refusal });
	await db.transaction(async (tx) => {
		await tx.delete(moduleInstances).where(eq(moduleInstances.id, moduleId));
		await recordAction(tx, actor, {
			action: 'module.unmount',
			resourceType: 'module',
			resourceId: moduleId,
			spaceId,
			data: { kind: manifest.name, title: mod.title.ro }
		});
	});
	return ok(null);
}
