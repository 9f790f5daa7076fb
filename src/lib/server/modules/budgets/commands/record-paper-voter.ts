/**
 * Staff at a desk record that a citizen (checked in person) handed in a paper ballot: a voter-roll entry on the
 * paper channel with the desk and the staff member. The paper goes into the desk's box and is entered later,
 * anonymously (enter-paper-ballot.ts). Someone already on the roll, on any channel, is refused.
 */
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { enterOnRoll, rollEntry } from '../ballot-box.ts';
import { citizenById } from '../desk-queries.ts';
import { deskModule, staffIdOf, verifiedInPerson } from '../desk-staff.ts';

export async function recordPaperVoter(
	actor: Actor,
	{ moduleId, deskId, userId }: { moduleId: string; deskId: string; userId: string }
): Promise<Result<{ recorded: true }>> {
	const { db, instance } = await deskModule(actor, { moduleId, deskId }, 'desk');
	await citizenById(db, userId);
	if (!(await verifiedInPerson(db, userId))) return invalid({ _form: 'budgets_desk_error_not_verified' });
	const outcome = await db.transaction(async (tx) => {
		if (!(await enterOnRoll(tx, { moduleId, userId, channel: 'paper', deskId, staffId: staffIdOf(actor) })))
			return (await rollEntry(tx, moduleId, userId))!;
		await recordAction(tx, actor, {
			action: 'budgets.paper_voter',
			resourceType: 'user',
			resourceId: userId,
			spaceId: instance.spaceId,
			data: { moduleId, deskId, channel: 'paper' }
		});
		return null;
	});
	if (outcome) return invalid({ _form: `budgets_desk_error_already_voted_${outcome.channel}` });
	return ok({ recorded: true });
}
