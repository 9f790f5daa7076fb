/**
 * Staff publish the official answer to a proposal: a state (built-in or custom), the answer text and optionally a
 * cost estimate. Every supporter and follower is told, in their own language, with a link back.
 */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { logger } from '../../../platform/log.ts';
import { followersOf } from '../../../platform/notifications/follows.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { cleanTranslated, fieldErrors } from '../../../platform/spaces/forms.ts';
import { canProposals, proposalOrThrow, proposalsModule } from '../context.ts';
import { recordProposalEvent } from '../events.ts';
import { AnswerInput } from '../forms.ts';
import { proposalUrl, supportersOf } from '../queries.ts';
import { proposalsProposals, proposalsStates } from '../schema.ts';
import { stateName } from '../states.ts';

export async function answerProposal(
	actor: Actor,
	{ moduleId, proposalId }: { moduleId: string; proposalId: string },
	input: AnswerInput
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx, instance } = await proposalsModule(db, moduleId);
	authorize(canProposals(actor, 'answer', ctx));
	const proposal = await proposalOrThrow(db, moduleId, proposalId);
	const form = AnswerInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const { answer, costEstimate } = form.data;
	let state = form.data.state;
	let customStateId: string | null = null;
	let custom: typeof proposalsStates.$inferSelect | undefined;
	if (state.startsWith('custom:')) {
		customStateId = state.slice('custom:'.length);
		[custom] = await db
			.select()
			.from(proposalsStates)
			.where(and(eq(proposalsStates.id, customStateId), eq(proposalsStates.moduleId, moduleId)));
		if (!custom) return invalid({ state: 'proposals_error_state' });
		state = 'custom';
	}
	const now = new Date();
	await db.transaction(async (tx) => {
		await tx
			.update(proposalsProposals)
			.set({
				state,
				customStateId,
				answer: cleanTranslated(answer),
				answeredAt: now,
				costEstimate: costEstimate ?? null
			})
			.where(eq(proposalsProposals.id, proposalId));
		await recordProposalEvent(tx, proposalId, 'answered', {
			state,
			customStateId,
			costEstimate: costEstimate ?? null,
			previousState: proposal.state
		});
		await recordAction(tx, actor, {
			action: 'proposal.answer',
			resourceType: 'proposal',
			resourceId: proposalId,
			spaceId: instance.spaceId,
			data: { moduleId, state, customStateId, costEstimate: costEstimate ?? null }
		});
	});
	const recipients = [
		...new Set([
			...(await supportersOf(db, proposalId)),
			...(await followersOf(db, { resourceType: 'proposal', resourceId: proposalId }))
		])
	];
	const except = actor.kind === 'user' ? actor.id : null;
	await notify(db, {
		userIds: recipients.filter((id) => id !== except),
		key: 'proposals_notification_answered',
		data: { proposal: proposal.title, state: stateName(state, custom) },
		link: proposalUrl(ctx.space.slug, moduleId, proposalId)
	}).catch((err) => logger().error({ err, proposalId }, 'proposals: answer not notified'));
	return ok(null);
}
