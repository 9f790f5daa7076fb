/**
 * One staff member types a paper ballot from a desk's box (its serial, the choices or "invalid" with a reason).
 * Each serial is entered twice by two different people. On the second entry: the same reading → the ballot goes
 * into the box (or, if it is invalid or the rules reject it, into the rejected-ballot report), both entries marked
 * accepted / rejected; different readings → both marked `mismatch` for a supervisor. Entries of one serial are
 * serialised by a transaction-level advisory lock, and the unique (module, serial, entry) index forbids a third
 * entry, so concurrent second entries put exactly one ballot in the box.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { putPaperBallotInBox } from '../ballot-box.ts';
import { PaperEntryInput, sameReading, toChoices, type PaperInvalidReason } from '../desk-forms.ts';
import { paperVerdict } from '../desk-paper.ts';
import { ballotOf, paperEntriesOf } from '../desk-queries.ts';
import { deskModule, staffIdOf } from '../desk-staff.ts';
import { budgetsPaperEntries } from '../schema.ts';

export type PaperEntryOutcome = 'pending' | 'accepted' | 'rejected' | 'mismatch';

export async function enterPaperBallot(
	actor: Actor,
	{ moduleId, deskId }: { moduleId: string; deskId: string },
	input: PaperEntryInput
): Promise<Result<{ serial: string; entry: number; outcome: PaperEntryOutcome }>> {
	const { db, ctx, instance } = await deskModule(actor, { moduleId, deskId }, 'desk');
	const form = PaperEntryInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const { serial } = form.data;
	const ballot = await ballotOf(db, moduleId);
	const invalidReason = form.data.validity === 'invalid' ? (form.data.invalidReason as PaperInvalidReason) : null;
	const choices = invalidReason ? [] : toChoices(ctx.settings.ballotKind, ballot.projects, input.raw);
	if (!invalidReason && !choices.length) return invalid({ _form: 'budgets_desk_error_no_choices' });
	const me = staffIdOf(actor);
	try {
		return await db.transaction(async (tx) => {
			await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`budgets-paper:${moduleId}:${serial}`}))`);
			const existing = await paperEntriesOf(tx, moduleId, serial);
			if (existing.length >= 2) return invalid({ serial: 'budgets_desk_error_entered_twice' });
			const first = existing[0];
			if (first && first.enteredBy === me) return invalid({ serial: 'budgets_desk_error_same_person' });
			if (first && first.deskId !== deskId) return invalid({ serial: 'budgets_desk_error_other_desk' });
			const entry = first ? 2 : 1;
			const [row] = await tx
				.insert(budgetsPaperEntries)
				.values({ moduleId, deskId, serial, entry, enteredBy: me, choices, invalidReason })
				.returning({ id: budgetsPaperEntries.id });
			let outcome: PaperEntryOutcome = 'pending';
			if (first) {
				const ids = [first.id, row.id];
				if (!sameReading(first, { choices, invalidReason })) outcome = 'mismatch';
				else {
					const verdict = paperVerdict(ctx.settings, ballot, { choices, invalidReason });
					outcome = verdict.status;
					if (verdict.status === 'accepted')
						await putPaperBallotInBox(tx, { moduleId, deskId, choices: verdict.choices });
					else
						await tx
							.update(budgetsPaperEntries)
							.set({ invalidReason: verdict.reason })
							.where(inArray(budgetsPaperEntries.id, ids));
				}
				await tx
					.update(budgetsPaperEntries)
					.set({ status: outcome })
					.where(and(eq(budgetsPaperEntries.moduleId, moduleId), inArray(budgetsPaperEntries.id, ids)));
			}
			await recordAction(tx, actor, {
				action: 'budgets.paper_entry',
				resourceType: 'budgets_paper_ballot',
				resourceId: row.id,
				spaceId: instance.spaceId,
				data: { moduleId, deskId, serial, entry, outcome }
			});
			return ok({ serial, entry, outcome });
		});
	} catch (err) {
		// Without the advisory lock (or on a lost race) the unique index refuses a duplicate entry number.
		if (
			(err as { code?: string; cause?: { code?: string } }).code === '23505' ||
			(err as { cause?: { code?: string } }).cause?.code === '23505'
		)
			return invalid({ serial: 'budgets_desk_error_entered_twice' });
		throw err;
	}
}
