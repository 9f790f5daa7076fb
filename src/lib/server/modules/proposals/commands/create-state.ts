/** Staff add a custom answer state (a name in every locale and a colour) to a proposals module. */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { cleanTranslated, fieldErrors } from '../../../platform/spaces/forms.ts';
import { canProposals, proposalsModule } from '../context.ts';
import { StateInput } from '../forms.ts';
import { proposalsStates } from '../schema.ts';

export async function createState(
	actor: Actor,
	{ moduleId }: { moduleId: string },
	input: StateInput
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { ctx, instance } = await proposalsModule(db, moduleId);
	authorize(canProposals(actor, 'manage', ctx));
	const form = StateInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const name = cleanTranslated(form.data.name);
	const row = await db.transaction(async (tx) => {
		const [created] = await tx
			.insert(proposalsStates)
			.values({
				moduleId,
				name,
				colour: form.data.colour.toLowerCase(),
				position: sql`(select coalesce(max(position) + 1, 0) from proposals_states where module_id = ${moduleId})`
			})
			.returning({ id: proposalsStates.id });
		await recordAction(tx, actor, {
			action: 'proposal_state.create',
			resourceType: 'proposal_state',
			resourceId: created.id,
			spaceId: instance.spaceId,
			data: { moduleId, name: name.ro, colour: form.data.colour }
		});
		return created;
	});
	return ok(row);
}
