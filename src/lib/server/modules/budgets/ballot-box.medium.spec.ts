import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { getDb } from '../../platform/db/index.ts';
import { castInBallotBox, enterOnRoll, putPaperBallotInBox, type CastOutcome } from './ballot-box.ts';
import { changeKeyOf, formatReceipt, publicIdOf, receiptHash } from './receipt.ts';
import { budgetsBallots, budgetsDesks, budgetsVoters } from './schema.ts';
import { budgetEdition, voter } from './test-support.ts';

const database = useTestDatabase();

async function setup() {
	const admin = await person(['admin']);
	const edition = await budgetEdition(admin, { zones: 1, projectsPerZone: 4 });
	const pot = edition.pots[0];
	const ballot = (...n: number[]) => [{ zoneId: pot.id, projectIds: n.map((i) => edition.projects[i].id) }];
	return { edition, ballot, moduleId: edition.moduleId };
}

const cast = async (input: Parameters<typeof castInBallotBox>[1]) =>
	(await getDb()).transaction((tx) => castInBallotBox(tx, input));

async function counts(moduleId: string) {
	const db = await getDb();
	const roll = await db.select().from(budgetsVoters).where(eq(budgetsVoters.moduleId, moduleId));
	const box = await db.select().from(budgetsBallots).where(eq(budgetsBallots.moduleId, moduleId));
	return { roll, box };
}

describe('castInBallotBox', () => {
	it('writes one roll row and one box row that share no column; the box keeps only derived values', async () => {
		const { ballot, moduleId } = await setup();
		const v = await voter();
		const outcome = await cast({ moduleId, userId: v.id, channel: 'online', choices: ballot(0, 1) });
		expect(outcome.status).toBe('cast');
		const receipt = (outcome as { receipt: string }).receipt;
		expect(formatReceipt(receipt)).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
		const { roll, box } = await counts(moduleId);
		expect(roll).toHaveLength(1);
		expect(roll[0]).toMatchObject({ userId: v.id, channel: 'online', casts: 1 });
		expect(box).toHaveLength(1);
		expect(box[0]).toMatchObject({
			receiptHash: receiptHash(receipt),
			publicId: publicIdOf(receipt),
			changeKey: changeKeyOf(receipt, v.id),
			choices: ballot(0, 1)
		});
		// Nothing in the box names the person or the time, nor the receipt itself.
		const stored = JSON.stringify(box[0]);
		expect(stored).not.toContain(v.id);
		expect(stored).not.toContain(receipt);
		expect(Object.keys(box[0]).sort()).toEqual(
			['changeKey', 'channel', 'choices', 'deskId', 'id', 'moduleId', 'publicId', 'receiptHash'].sort()
		);
	});

	it('a second cast (double click, retried request) answers already_voted and changes nothing', async () => {
		const { ballot, moduleId } = await setup();
		const v = await voter();
		await cast({ moduleId, userId: v.id, channel: 'online', choices: ballot(0) });
		const again = await cast({ moduleId, userId: v.id, channel: 'online', choices: ballot(1) });
		expect(again).toMatchObject({ status: 'already_voted', channel: 'online', deskId: null });
		const { roll, box } = await counts(moduleId);
		expect([roll.length, box.length]).toEqual([1, 1]);
		expect(box[0].choices).toEqual(ballot(0));
	});

	it('50 concurrent casts by one voter end with one roll row and one box row', async () => {
		const { ballot, moduleId } = await setup();
		const v = await voter();
		const outcomes = await Promise.all(
			Array.from({ length: 50 }, (_, i) => cast({ moduleId, userId: v.id, channel: 'online', choices: ballot(i % 4) }))
		);
		expect(outcomes.filter((o) => o.status === 'cast')).toHaveLength(1);
		expect(outcomes.filter((o) => o.status === 'already_voted')).toHaveLength(49);
		const { roll, box } = await counts(moduleId);
		expect([roll.length, box.length]).toEqual([1, 1]);
	});

	it('a change with the receipt replaces the ballot; the old receipt no longer works', async () => {
		const { ballot, moduleId } = await setup();
		const v = await voter();
		const first = (await cast({ moduleId, userId: v.id, channel: 'online', choices: ballot(0) })) as {
			receipt: string;
		};
		const typed = formatReceipt(first.receipt).toLowerCase();
		const second = await cast({
			moduleId,
			userId: v.id,
			channel: 'online',
			choices: ballot(2),
			replace: { receipt: typed }
		});
		expect(second.status).toBe('replaced');
		const { roll, box } = await counts(moduleId);
		expect(roll[0].casts).toBe(2);
		expect(box).toHaveLength(1);
		expect(box[0].choices).toEqual(ballot(2));
		expect(box[0].receiptHash).toBe(receiptHash((second as { receipt: string }).receipt));
		const stale = await cast({ moduleId, userId: v.id, channel: 'online', choices: ballot(3), replace: first });
		expect(stale).toEqual({ status: 'receipt_invalid' });
	});

	it('another voter’s receipt, a malformed one, or no earlier vote cannot change anything', async () => {
		const { ballot, moduleId } = await setup();
		const [a, b, c] = [await voter(), await voter(), await voter()];
		const ra = (await cast({ moduleId, userId: a.id, channel: 'online', choices: ballot(0) })) as { receipt: string };
		await cast({ moduleId, userId: b.id, channel: 'online', choices: ballot(1) });
		expect(await cast({ moduleId, userId: b.id, channel: 'online', choices: ballot(2), replace: ra })).toEqual({
			status: 'receipt_invalid'
		});
		expect(
			await cast({ moduleId, userId: b.id, channel: 'online', choices: ballot(2), replace: { receipt: 'nope' } })
		).toEqual({ status: 'receipt_invalid' });
		expect(await cast({ moduleId, userId: c.id, channel: 'online', choices: ballot(2), replace: ra })).toEqual({
			status: 'not_voted'
		});
		const { box } = await counts(moduleId);
		expect(box.map((x) => x.choices).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))).toEqual(
			[ballot(0), ballot(1)].sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))
		);
	});

	it('concurrent changes with the same receipt: exactly one succeeds', async () => {
		const { ballot, moduleId } = await setup();
		const v = await voter();
		const first = (await cast({ moduleId, userId: v.id, channel: 'online', choices: ballot(0) })) as {
			receipt: string;
		};
		const outcomes = await Promise.all(
			Array.from({ length: 10 }, (_, i) =>
				cast({ moduleId, userId: v.id, channel: 'online', choices: ballot(1 + (i % 3)), replace: first })
			)
		);
		const replaced = outcomes.filter((o) => o.status === 'replaced') as { receipt: string }[];
		expect(replaced).toHaveLength(1);
		const { roll, box } = await counts(moduleId);
		expect([roll.length, box.length, roll[0].casts]).toEqual([1, 1, 2]);
		expect(box[0].receiptHash).toBe(receiptHash(replaced[0].receipt));
	});

	it('someone who voted on paper cannot vote online, nor replace the paper ballot', async () => {
		const { ballot, moduleId } = await setup();
		const db = await getDb();
		const [desk] = await db.insert(budgetsDesks).values({ moduleId, name: 'Primăria, ghișeul 3' }).returning();
		const v = await voter();
		const staff = await person(['staff']);
		const paper = await db.transaction(async (tx) => {
			expect(
				await enterOnRoll(tx, { moduleId, userId: v.id, channel: 'paper', deskId: desk.id, staffId: staff.id })
			).toBe(true);
			return putPaperBallotInBox(tx, { moduleId, deskId: desk.id, choices: ballot(0) });
		});
		const online = await cast({ moduleId, userId: v.id, channel: 'online', choices: ballot(1) });
		expect(online).toMatchObject({ status: 'already_voted', channel: 'paper', deskId: desk.id });
		expect((online as { at: Date }).at).toBeInstanceOf(Date);
		expect(await cast({ moduleId, userId: v.id, channel: 'online', choices: ballot(1), replace: paper })).toEqual({
			status: 'receipt_invalid'
		});
		const { roll, box } = await counts(moduleId);
		expect([roll.length, box.length]).toEqual([1, 1]);
		expect(box[0]).toMatchObject({ channel: 'paper', changeKey: null, choices: ballot(0) });
	});

	it('a failed transaction leaves neither a roll row nor a box row', async () => {
		const { ballot, moduleId } = await setup();
		const v = await voter();
		const db = await getDb();
		await expect(
			db.transaction(async (tx) => {
				await castInBallotBox(tx, { moduleId, userId: v.id, channel: 'online', choices: ballot(0) });
				throw new Error('crash before commit');
			})
		).rejects.toThrow('crash before commit');
		const { roll, box } = await counts(moduleId);
		expect([roll.length, box.length]).toEqual([0, 0]);
		expect((await cast({ moduleId, userId: v.id, channel: 'online', choices: ballot(0) })).status).toBe('cast');
	});
});

describe('ballot box property', () => {
	it('no sequence of concurrent casts, changes, paper entries and retries yields two counted ballots for a person', async () => {
		const { ballot, moduleId } = await setup();
		const people = [await voter(), await voter(), await voter()];
		const db = await getDb();
		const op = fc.oneof(
			fc.record({
				kind: fc.constant('cast' as const),
				who: fc.nat(2),
				pick: fc.nat(3),
				copies: fc.integer({ min: 1, max: 4 })
			}),
			fc.record({
				kind: fc.constant('change' as const),
				who: fc.nat(2),
				pick: fc.nat(3),
				copies: fc.integer({ min: 1, max: 4 }),
				stale: fc.boolean()
			}),
			fc.record({ kind: fc.constant('paper' as const), who: fc.nat(2), pick: fc.nat(3) })
		);
		// Each step is a batch of operations run concurrently (a retry storm is `copies` > 1).
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
				async (steps) => {
					await db.delete(budgetsVoters).where(eq(budgetsVoters.moduleId, moduleId));
					await db.delete(budgetsBallots).where(eq(budgetsBallots.moduleId, moduleId));
					/** Model: per person, the receipt of their counted ballot and every receipt they ever held. */
					const current = new Map<number, { receipt: string | null; choices: unknown }>();
					const old = new Map<number, string[]>();
					for (const step of steps) {
						const runs: Promise<{
							who: number;
							pick: number;
							outcome: CastOutcome | 'paper_cast' | 'paper_refused';
						}>[] = [];
						for (const o of step) {
							const userId = people[o.who].id;
							if (o.kind === 'paper') {
								runs.push(
									db.transaction(async (tx) => {
										if (!(await enterOnRoll(tx, { moduleId, userId, channel: 'paper' })))
											return { who: o.who, pick: o.pick, outcome: 'paper_refused' as const };
										await putPaperBallotInBox(tx, { moduleId, deskId: null, choices: ballot(o.pick) });
										return { who: o.who, pick: o.pick, outcome: 'paper_cast' as const };
									})
								);
								continue;
							}
							const held = current.get(o.who)?.receipt ?? null;
							const receipt = o.kind === 'change' && o.stale ? (old.get(o.who) ?? [])[0] : held;
							for (let c = 0; c < o.copies; c++)
								runs.push(
									cast({
										moduleId,
										userId,
										channel: 'online',
										choices: ballot(o.pick),
										...(o.kind === 'change' && receipt ? { replace: { receipt } } : {})
									}).then((outcome) => ({ who: o.who, pick: o.pick, outcome }))
								);
						}
						for (const r of await Promise.all(runs)) {
							const o = r.outcome;
							if (o === 'paper_cast') current.set(r.who, { receipt: null, choices: ballot(r.pick) });
							else if (o !== 'paper_refused' && (o.status === 'cast' || o.status === 'replaced')) {
								// A person's successful casts in one batch are serialised by the roll: at most one cast per person
								// without a prior ballot, and a change needs the previous receipt, so successes never overlap.
								const prior = current.get(r.who);
								if (o.status === 'cast') expect(prior).toBeUndefined();
								if (prior?.receipt) old.set(r.who, [...(old.get(r.who) ?? []), prior.receipt]);
								current.set(r.who, { receipt: o.receipt, choices: ballot(r.pick) });
							}
						}
					}
					const { roll, box } = await counts(moduleId);
					expect(box.length).toBe(roll.length);
					expect(roll.length).toBe(current.size);
					for (const [who, last] of current) {
						const row = roll.find((x) => x.userId === people[who].id);
						expect(row).toBeDefined();
						if (last.receipt) {
							const counted = box.filter((b) => b.receiptHash === receiptHash(last.receipt!));
							expect(counted).toHaveLength(1);
							expect(counted[0].choices).toEqual(last.choices);
							for (const r of old.get(who) ?? []) expect(box.some((b) => b.receiptHash === receiptHash(r))).toBe(false);
						}
					}
				}
			),
			{ numRuns: 25, seed: 20261122 }
		);
	});
});

it('the test database is the one the file opened', () => {
	expect(database()).toBeDefined();
});
