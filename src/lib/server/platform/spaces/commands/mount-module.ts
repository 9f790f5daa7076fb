/** Mounts a module into a process, with default settings, unpublished until the admin publishes it. */
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { moduleInstances } from '../../db/schema.ts';
import type { AnyModule } from '../../modules/define-module.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { cleanTranslated, fieldErrors, ModuleTitleInput } from '../forms.ts';
import { canManageSpace } from '../policy.ts';
import { findSpace } from '../queries.ts';

export async function mountModule(
	actor: Actor,
	{ spaceId, manifest }: { spaceId: string; manifest: AnyModule },
	input: { title: Record<string, string | undefined> }
): Promise<Result<{ id: string }>> {
	authorize(canManageSpace(actor, spaceId));
	const db = await getDb();
	if (!(await findSpace(db, spaceId))) throw new NotFoundError('process');
	const form = ModuleTitleInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const id = await db.transaction(async (tx) => {
		const [{ next }] = await tx
			.select({ next: sql<number>`coalesce(max(${moduleInstances.position}) + 1, 0)::int` })
			.from(moduleInstances)
			.where(eq(moduleInstances.spaceId, spaceId));
		const [row] = await tx
			.insert(moduleInstances)
			.values({
				spaceId,
				kind: manifest.name,
				title: cleanTranslated(form.data.title),
				position: next,
				settings: manifest.settings.global.parse({})
			})
			.returning({ id: moduleInstances.id });
		await manifest.hooks?.created?.(tx, row.id);
		await recordAction(tx, actor, {
			action: 'module.mount',
			resourceType: 'module',
			resourceId: row.id,
			spaceId,
			data: { kind: manifest.name }
		});
		return row.id;
	});
	return ok({ id });
}
