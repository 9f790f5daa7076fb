/**
 * The one place ballots are written (docs/ballot-secrecy.md): the voter roll row (who, channel, desk) and the box
 * row (what; no user id, no time) in the CALLER's transaction. The roll's primary key (module, user) makes a second
 * ballot for one person impossible on every channel; a change locks the roll row, proves the receipt with the change
 * key, and swaps the box row. Callers check permissions, eligibility and `checkBallot` before calling.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/index.ts';
import { changeKeyOf, newReceiptCode, normaliseReceipt, publicIdOf, receiptHash } from './receipt.ts';
import { budgetsBallots, budgetsVoters, type BallotChoice } from './schema.ts';

export type BallotChannel = 'online' | 'assisted' | 'paper';

export interface CastInput {
	moduleId: string;
	userId: string;
	channel: BallotChannel;
	deskId?: string | null;
	staffId?: string | null;
	/** Already checked and normalised by `checkBallot`. */
	choices: BallotChoice[];
	/** A change of ballot: the receipt code of the ballot being replaced. */
	replace?: { receipt: string };
}

/** Where and when a person is on the roll (for "you already voted on paper at desk X on …"). */
export interface RollEntry {
	channel: BallotChannel;
	deskId: string | null;
	at: Date;
}

export type CastOutcome =
	| { status: 'cast'; receipt: string }
	| { status: 'replaced'; receipt: string }
	| ({ status: 'already_voted' } & RollEntry)
	/** A change whose receipt is malformed, not this voter's, already replaced, or a paper ballot's. */
	| { status: 'receipt_invalid' }
	/** A change asked by someone who has not voted. */
	| { status: 'not_voted' };

async function insertBox(
	tx: Tx | Db,
	row: { moduleId: string; channel: BallotChannel; deskId: string | null; choices: BallotChoice[] },
	userId: string | null
) {
	const receipt = newReceiptCode();
	await tx.insert(budgetsBallots).values({
		...row,
		receiptHash: receiptHash(receipt),
		publicId: publicIdOf(receipt),
		changeKey: userId ? changeKeyOf(receipt, userId) : null
	});
	return receipt;
}

/** The person's roll entry, if any. */
export async function rollEntry(tx: Tx | Db, moduleId: string, userId: string): Promise<RollEntry | null> {
	const [row] = await tx
		.select({ channel: budgetsVoters.channel, deskId: budgetsVoters.deskId, at: budgetsVoters.createdAt })
		.from(budgetsVoters)
		.where(and(eq(budgetsVoters.moduleId, moduleId), eq(budgetsVoters.userId, userId)));
	return row ? { ...row, channel: row.channel as BallotChannel } : null;
}

/**
 * Puts the person on the roll unless they already are: true when this call added them. Concurrent calls for one
 * person wait on the primary key; exactly one gets true. The desks helper calls it for paper ballots.
 */
export async function enterOnRoll(
	tx: Tx,
	entry: { moduleId: string; userId: string; channel: BallotChannel; deskId?: string | null; staffId?: string | null }
): Promise<boolean> {
	const inserted = await tx
		.insert(budgetsVoters)
		.values({
			moduleId: entry.moduleId,
			userId: entry.userId,
			channel: entry.channel,
			deskId: entry.deskId ?? null,
			staffId: entry.staffId ?? null
		})
		.onConflictDoNothing()
		.returning({ userId: budgetsVoters.userId });
	return inserted.length === 1;
}

/**
 * A first ballot: the roll row and the box row in ONE statement — atomic on its own, so a caller outside a transaction
 * needs one round trip (bench/budgets: every round trip costs more than the statement) — or nothing when the person is
 * already on the roll (the box insert reads the roll insert's RETURNING, empty on conflict).
 */
async function castFirst(db: Tx | Db, input: CastInput): Promise<string | null> {
	const receipt = newReceiptCode();
	const result = (await db.execute(sql`
		with roll as (
			insert into ${budgetsVoters} (module_id, user_id, channel, desk_id, staff_id)
			values (${input.moduleId}, ${input.userId}, ${input.channel}, ${input.deskId ?? null}, ${input.staffId ?? null})
			on conflict do nothing
			returning user_id
		)
		insert into ${budgetsBallots} (id, module_id, channel, desk_id, choices, receipt_hash, public_id, change_key)
		select ${randomUUID()}, ${input.moduleId}, ${input.channel}, ${input.deskId ?? null},
			${JSON.stringify(input.choices)}::jsonb, ${receiptHash(receipt)}, ${publicIdOf(receipt)},
			${changeKeyOf(receipt, input.userId)}
		from roll
		returning id`)) as unknown as { rows: unknown[] };
	return result.rows.length === 1 ? receipt : null;
}

/**
 * Casts (or, with `replace`, changes) one person's ballot in the caller's transaction. A first cast is one statement,
 * so it may also be given the database itself; a change needs a transaction (it locks the roll row).
 */
export async function castInBallotBox(tx: Tx | Db, input: CastInput): Promise<CastOutcome> {
	const box = {
		moduleId: input.moduleId,
		channel: input.channel,
		deskId: input.deskId ?? null,
		choices: input.choices
	};
	if (!input.replace) {
		const receipt = await castFirst(tx, input);
		if (receipt) return { status: 'cast', receipt };
		const entry = await rollEntry(tx, input.moduleId, input.userId);
		// The conflicting row was committed before ON CONFLICT saw it, so it is visible here.
		return { status: 'already_voted', ...entry! };
	}

	// A change: the row lock serialises every cast and change of this person until COMMIT.
	const [roll] = await tx
		.select({ userId: budgetsVoters.userId })
		.from(budgetsVoters)
		.where(and(eq(budgetsVoters.moduleId, input.moduleId), eq(budgetsVoters.userId, input.userId)))
		.for('update');
	if (!roll) return { status: 'not_voted' };
	const code = normaliseReceipt(input.replace.receipt);
	if (!code) return { status: 'receipt_invalid' };
	const removed = await tx
		.delete(budgetsBallots)
		.where(
			and(eq(budgetsBallots.moduleId, input.moduleId), eq(budgetsBallots.changeKey, changeKeyOf(code, input.userId)))
		)
		.returning({ id: budgetsBallots.id });
	if (removed.length !== 1) return { status: 'receipt_invalid' };
	const receipt = await insertBox(tx, box, input.userId);
	await tx
		.update(budgetsVoters)
		.set({ casts: sql`${budgetsVoters.casts} + 1`, updatedAt: new Date() })
		.where(and(eq(budgetsVoters.moduleId, input.moduleId), eq(budgetsVoters.userId, input.userId)));
	return { status: 'replaced', receipt };
}

/**
 * A paper ballot into the box (after its double entry agreed). The roll entry was made when the person handed the
 * paper in (`enterOnRoll`); the box row has no change key, so it is never replaced online. The returned receipt may
 * be printed for the voter; it is not stored.
 */
export async function putPaperBallotInBox(
	tx: Tx,
	input: { moduleId: string; deskId: string | null; choices: BallotChoice[] }
): Promise<{ receipt: string }> {
	const receipt = await insertBox(
		tx,
		{ moduleId: input.moduleId, channel: 'paper', deskId: input.deskId, choices: input.choices },
		null
	);
	return { receipt };
}

/**
 * Many first ballots in one go (demo seeds, imports of a desk's day): ONE multi-row insert into the roll — its primary
 * key still refuses a person already on it, or listed twice — then ONE into the box for exactly the people this call
 * added, with the rows `castInBallotBox` (or, for paper, `putPaperBallotInBox`) would write. Box rows are shuffled
 * first, so their physical order says nothing about the roll's. Receipts are not returned: nobody is shown them.
 */
export async function castFirstBallotsInBulk(
	tx: Tx,
	moduleId: string,
	casts: Omit<CastInput, 'moduleId' | 'replace'>[]
): Promise<{ cast: number; alreadyOnRoll: string[] }> {
	if (!casts.length) return { cast: 0, alreadyOnRoll: [] };
	const added = await tx
		.insert(budgetsVoters)
		.values(
			casts.map((c) => ({
				moduleId,
				userId: c.userId,
				channel: c.channel,
				deskId: c.deskId ?? null,
				staffId: c.staffId ?? null
			}))
		)
		.onConflictDoNothing()
		.returning({ userId: budgetsVoters.userId });
	const fresh = new Set(added.map((a) => a.userId));
	const rows: (typeof budgetsBallots.$inferInsert)[] = [];
	const alreadyOnRoll: string[] = [];
	for (const c of casts) {
		if (!fresh.delete(c.userId)) {
			alreadyOnRoll.push(c.userId);
			continue;
		}
		const receipt = newReceiptCode();
		rows.push({
			moduleId,
			channel: c.channel,
			deskId: c.deskId ?? null,
			choices: c.choices,
			receiptHash: receiptHash(receipt),
			publicId: publicIdOf(receipt),
			changeKey: c.channel === 'paper' ? null : changeKeyOf(receipt, c.userId)
		});
	}
	for (let i = rows.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[rows[i], rows[j]] = [rows[j], rows[i]];
	}
	if (rows.length) await tx.insert(budgetsBallots).values(rows);
	return { cast: rows.length, alreadyOnRoll };
}
