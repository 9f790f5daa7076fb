/** Takes a process back to draft: it disappears from public lists, the API and search. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { spaces } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { NotFoundError, ok, type Result } from '../../result.ts';
import { canManageSpace } from '../policy.ts';
import { indexProcess } from '../search.ts';
import { findSpace } from '../queries.ts';

export async function unpublishProcess(actor: Actor, spaceId: string): Promise<Result<null>> {
	authorize(canManageSpace(actor, spaceId));
	const db = await getDb();
	const space = await findSpace(db, spaceId);
	if (!space) throw new NotFoundError('process');
	if (space.status !== 'published') return ok(null);
	await db.transaction(async (tx) => {
		await tx.update(spaces).set({ status: 'draft' }).where(eq(spaces.id, spaceId));
		await recordAction(tx, actor, { action: 'space.unpublish', resourceType: 'space', resourceId: spaceId, spaceId });
	});
	await indexProcess(db, (await findSpace(db, spaceId))!);
	return ok(null);
}
