/** A platform moderator lets a blocked person comment again. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { commentBlocks } from '../../db/schema/comments.ts';
import { authorize } from '../../permissions/index.ts';
import { ok, type Result } from '../../result.ts';
import { canBlock } from '../policy.ts';

export async function unblockUser(actor: Actor, userId: string): Promise<Result<{ unblocked: boolean }>> {
	authorize(canBlock(actor));
	const db = await getDb();
	const unblocked = await db.transaction(async (tx) => {
		const rows = await tx
			.delete(commentBlocks)
			.where(eq(commentBlocks.userId, userId))
			.returning({ reason: commentBlocks.reason, blockedBy: commentBlocks.blockedBy });
		if (!rows.length) return false;
		await recordAction(tx, actor, {
			action: 'comment.unblock_user',
			resourceType: 'user',
			resourceId: userId,
			data: { blockReason: rows[0].reason, blockedBy: rows[0].blockedBy }
		});
		return true;
	});
	return ok({ unblocked });
}
