/** Staff delete a custom answer state that no proposal carries (an answered proposal's state is history). */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { canProposals, proposalsModule } from '../context.ts';
import { proposalsProposals, proposalsStates } from '../schema.ts';

export async function deleteState(
	actor: Actor,
	{ moduleId, stateId }: { moduleId: string; stateId: string }
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx, instance } = await proposalsModule(db, moduleId);
	authorize(canProposals(actor, 'manage', ctx));
	return db.transaction(async (tx) => {
		const [used] = await tx
			.select({ id: proposalsProposals.id })
			.from(proposalsProposals)
			.where(eq(proposalsProposals.customStateId, stateId))
			.limit(1)
			.for('update');
		if (used) return invalid({ _form: 'proposals_error_state_in_use' });
		const [row] = await tx
			.delete(proposalsStates)
			.where(and(eq(proposalsStates.id, stateId), eq(proposalsStates.moduleId, moduleId)))
			.returning();
		if (row)
			await recordAction(tx, actor, {
				action: 'proposal_state.delete',
				resourceType: 'proposal_state',
				resourceId: stateId,
				spaceId: instance.spaceId,
				data: { moduleId, name: row.name.ro }
			});
		return ok(null);
	});
}
