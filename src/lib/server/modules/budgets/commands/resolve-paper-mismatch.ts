/**
 * A supervisor — a third staff member, neither of the two who typed it — looks at a paper ballot whose entries
 * disagree and enters the authoritative reading (entry 3). It goes into the box, or into the rejected-ballot report
 * with its reason; the two entries are marked resolved; the resolution is logged.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { putPaperBallotInBox } from '../ballot-box.ts';
import { PaperEntryInput, toChoices, type PaperInvalidReason } from '../desk-forms.ts';
import { paperVerdict } from '../desk-paper.ts';
import { ballotOf, paperEntriesOf } from '../desk-queries.ts';
import { deskModule, staffIdOf } from '../desk-staff.ts';
import { budgetsPaperEntries } from '../schema.ts';

export async function resolvePaperMismatch(
	actor: Actor,
	{ moduleId }: { moduleId: string },
	input: PaperEntryInput
): Promise<Result<{ serial: string; outcome: 'accepted' | 'rejected' }>> {
	const { db, ctx, instance } = await deskModule(actor, { moduleId }, 'desk');
	const form = PaperEntryInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const { serial } = form.data;
	const ballot = await ballotOf(db, moduleId);
	const invalidReason = form.data.validity === 'invalid' ? (form.data.invalidReason as PaperInvalidReason) : null;
	const choices = invalidReason ? [] : toChoices(ctx.settings.ballotKind, ballot.projects, input.raw);
	if (!invalidReason && !choices.length) return invalid({ _form: 'budgets_desk_error_no_choices' });
	const me = staffIdOf(actor);
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`budgets-paper:${moduleId}:${serial}`}))`);
		const entries = await paperEntriesOf(tx, moduleId, serial);
		const disputed = entries.filter((e) => e.status === 'mismatch');
		if (disputed.length !== 2) return invalid({ serial: 'budgets_desk_error_no_mismatch' });
		if (disputed.some((e) => e.enteredBy === me)) return invalid({ _form: 'budgets_desk_error_supervisor_entered' });
		const deskId = disputed[0].deskId;
		const verdict = paperVerdict(ctx.settings, ballot, { choices, invalidReason });
		if (verdict.status === 'accepted') await putPaperBallotInBox(tx, { moduleId, deskId, choices: verdict.choices });
		const [row] = await tx
			.insert(budgetsPaperEntries)
			.values({
				moduleId,
				deskId,
				serial,
				entry: 3,
				enteredBy: me,
				choices,
				invalidReason: verdict.status === 'rejected' ? verdict.reason : null,
				status: verdict.status
			})
			.returning({ id: budgetsPaperEntries.id });
		await tx
			.update(budgetsPaperEntries)
			.set({ status: 'resolved' })
			.where(
				and(
					eq(budgetsPaperEntries.moduleId, moduleId),
					inArray(
						budgetsPaperEntries.id,
						disputed.map((e) => e.id)
					)
				)
			);
		await recordAction(tx, actor, {
			action: 'budgets.paper_resolve',
			resourceType: 'budgets_paper_ballot',
			resourceId: row.id,
			spaceId: instance.spaceId,
			data: { moduleId, deskId, serial, outcome: verdict.status }
		});
		return ok({ serial, outcome: verdict.status });
	});
}
