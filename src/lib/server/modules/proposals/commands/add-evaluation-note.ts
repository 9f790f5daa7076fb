/** An assigned evaluator (or staff) writes a private note on a proposal. */
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { canEvaluateProposal } from '../evaluation.ts';
import { canProposals, proposalOrThrow, proposalsModule } from '../context.ts';
import { NoteInput } from '../forms.ts';
import { proposalsNotes } from '../schema.ts';

export async function addEvaluationNote(
	actor: Actor,
	{ moduleId, proposalId }: { moduleId: string; proposalId: string },
	input: { body: string }
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { ctx, instance } = await proposalsModule(db, moduleId);
	authorize(canProposals(actor, 'evaluate', ctx));
	await proposalOrThrow(db, moduleId, proposalId);
	authorize(await canEvaluateProposal(db, actor, ctx, proposalId));
	const form = NoteInput.safeParse(input);
	if (!form.success) return invalid(form.error);
	const note = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(proposalsNotes)
			.values({ proposalId, authorId: isUser(actor) ? actor.id : null, body: form.data.body })
			.returning({ id: proposalsNotes.id });
		await recordAction(tx, actor, {
			action: 'proposal.note',
			resourceType: 'proposal',
			resourceId: proposalId,
			spaceId: instance.spaceId,
			data: { moduleId, noteId: row.id }
		});
		return row;
	});
	return ok(note);
}
