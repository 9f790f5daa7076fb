/** A platform moderator blocks a person from commenting anywhere, with a reason; the person is told why. */
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { commentBlocks } from '../../db/schema/comments.ts';
import { logger } from '../../log.ts';
import { notify } from '../../notifications/notify.ts';
import { authorize } from '../../permissions/index.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { assertUserExists } from '../../people/user-exists.ts';
import { ReasonInput } from '../forms.ts';
import { canBlock } from '../policy.ts';

export async function blockUser(
	actor: Actor,
	userId: string,
	input: ReasonInput
): Promise<Result<{ blocked: boolean }>> {
	authorize(canBlock(actor));
	const db = await getDb();
	const form = ReasonInput.safeParse(input);
	if (!form.success) return invalid(form.error);
	if (actor.kind === 'user' && actor.id === userId) return invalid({ _form: 'comments_error_block_self' });
	await assertUserExists(db, userId);
	const blocked = await db.transaction(async (tx) => {
		const rows = await tx
			.insert(commentBlocks)
			.values({ userId, reason: form.data.reason, blockedBy: actor.kind === 'user' ? actor.id : null })
			.onConflictDoNothing()
			.returning({ userId: commentBlocks.userId });
		if (!rows.length) return false;
		await recordAction(tx, actor, {
			action: 'comment.block_user',
			resourceType: 'user',
			resourceId: userId,
			data: { reason: form.data.reason }
		});
		return true;
	});
	if (blocked)
		await notify(db, {
			userIds: [userId],
			key: 'comments_notification_blocked',
			data: { reason: form.data.reason }
		}).catch((err) => logger().error({ err, userId }, 'comments: blocked person not told'));
	return ok({ blocked });
}
