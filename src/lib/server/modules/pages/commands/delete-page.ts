/** Deletes an information page and its search documents; the remaining pages close the gap in their order. */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { can, loadModule } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { removeDocuments } from '../../../platform/search/index-documents.ts';
import { pages } from '../manifest.ts';
import { findPage } from '../queries.ts';
import { pagesPages } from '../schema.ts';

export async function deletePage(
	actor: Actor,
	{ moduleId, pageId }: { moduleId: string; pageId: string }
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx, instance } = await loadModule(db, pages, moduleId);
	authorize(can(actor, 'manage', ctx, pages));
	const page = await findPage(db, moduleId, pageId);
	if (!page) throw new NotFoundError('page');
	await db.transaction(async (tx) => {
		await tx.delete(pagesPages).where(eq(pagesPages.id, pageId));
		await tx
			.update(pagesPages)
			.set({ position: sql`${pagesPages.position} - 1` })
			.where(and(eq(pagesPages.moduleId, moduleId), gt(pagesPages.position, page.position)));
		await removeDocuments(tx, 'page', pageId);
		await recordAction(tx, actor, {
			action: 'page.delete',
			resourceType: 'page',
			resourceId: pageId,
			spaceId: instance.spaceId,
			data: { moduleId, slug: page.slug, title: page.title.ro }
		});
	});
	return ok(null);
}
