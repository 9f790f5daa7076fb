/** Moves an information page one place up or down in its module's list. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { can, loadModule } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { pages } from '../manifest.ts';
import { listPages } from '../queries.ts';
import { pagesPages } from '../schema.ts';

export async function movePage(
	actor: Actor,
	{ moduleId, pageId, direction }: { moduleId: string; pageId: string; direction: 'up' | 'down' }
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx, instance } = await loadModule(db, pages, moduleId);
	authorize(can(actor, 'manage', ctx, pages));
	const list = await listPages(db, moduleId);
	const i = list.findIndex((p) => p.id === pageId);
	if (i < 0) throw new NotFoundError('page');
	const j = direction === 'up' ? i - 1 : i + 1;
	if (j < 0 || j >= list.length) return ok(null);
	[list[i], list[j]] = [list[j], list[i]];
	await db.transaction(async (tx) => {
		// Renumber the whole list so positions stay 0…n-1 even if older rows had gaps or ties.
		for (const [position, page] of list.entries())
			if (page.position !== position) await tx.update(pagesPages).set({ position }).where(eq(pagesPages.id, page.id));
		await recordAction(tx, actor, {
			action: 'page.move',
			resourceType: 'page',
			resourceId: pageId,
			spaceId: instance.spaceId,
			data: { moduleId, direction }
		});
	});
	return ok(null);
}
