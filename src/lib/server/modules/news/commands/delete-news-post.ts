/** Removes an announcement (and its search documents). */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { can, loadModule } from '../../../platform/modules/runtime.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { removeDocuments } from '../../../platform/search/index-documents.ts';
import { news } from '../manifest.ts';
import { newsPosts } from '../schema.ts';

export async function deleteNewsPost(
	actor: Actor,
	{ moduleId, postId }: { moduleId: string; postId: string }
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx, instance } = await loadModule(db, news, moduleId);
	authorize(can(actor, 'manage', ctx, news));
	await db.transaction(async (tx) => {
		const deleted = await tx
			.delete(newsPosts)
			.where(and(eq(newsPosts.id, postId), eq(newsPosts.moduleId, moduleId)))
			.returning({ title: newsPosts.title });
		if (!deleted.length) throw new NotFoundError('news_post');
		await recordAction(tx, actor, {
			action: 'news.delete',
			resourceType: 'news_post',
			resourceId: postId,
			spaceId: instance.spaceId,
			data: { moduleId, title: deleted[0].title.ro }
		});
	});
	await removeDocuments(db, 'news_post', postId);
	return ok(null);
}
