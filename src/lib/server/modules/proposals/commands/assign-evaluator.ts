/** Staff assign an evaluator (a person with the evaluator role on the platform or in this space) to a proposal. */
import { and, eq, or } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { spaceRoles, userRoles } from '../../../platform/db/schema.ts';
import { logger } from '../../../platform/log.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { canProposals, proposalOrThrow, proposalsModule } from '../context.ts';
import { proposalUrl } from '../queries.ts';
import { proposalsEvaluators } from '../schema.ts';

/** Whether the person holds the evaluator role on the platform or in the space (as stored, not as in force). */
export async function isEvaluatorCandidate(db: Awaited<ReturnType<typeof getDb>>, spaceId: string, userId: string) {
	const [platform] = await db
		.select({ userId: userRoles.userId })
		.from(userRoles)
		.where(and(eq(userRoles.userId, userId), or(eq(userRoles.role, 'evaluator'), eq(userRoles.role, 'admin'))));
	if (platform) return true;
	const [space] = await db
		.select({ userId: spaceRoles.userId })
		.from(spaceRoles)
		.where(and(eq(spaceRoles.userId, userId), eq(spaceRoles.spaceId, spaceId), eq(spaceRoles.role, 'evaluator')));
	return !!space;
}

export async function assignEvaluator(
	actor: Actor,
	{ moduleId, proposalId }: { moduleId: string; proposalId: string },
	{ userId }: { userId: string }
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx, instance } = await proposalsModule(db, moduleId);
	authorize(canProposals(actor, 'manage', ctx));
	const proposal = await proposalOrThrow(db, moduleId, proposalId);
	if (!userId || !(await isEvaluatorCandidate(db, instance.spaceId, userId)))
		return invalid({ userId: 'proposals_error_not_evaluator' });
	const added = await db.transaction(async (tx) => {
		const rows = await tx
			.insert(proposalsEvaluators)
			.values({ proposalId, userId })
			.onConflictDoNothing()
			.returning({ userId: proposalsEvaluators.userId });
		if (rows.length)
			await recordAction(tx, actor, {
				action: 'proposal.assign_evaluator',
				resourceType: 'proposal',
				resourceId: proposalId,
				spaceId: instance.spaceId,
				data: { moduleId, evaluatorId: userId }
			});
		return rows.length > 0;
	});
	if (added)
		await notify(db, {
			userIds: [userId],
			key: 'proposals_notification_assigned',
			data: { proposal: proposal.title },
			link: proposalUrl(ctx.space.slug, moduleId, proposalId)
		}).catch((err) => logger().error({ err, proposalId }, 'proposals: evaluator not notified'));
	return ok(null);
}
