/**
 * Read models of the desks: desks of an edition, a citizen found by e-mail or phone and whether they voted (the
 * channel and desk, never what), paper entries, mismatches, the rejected-ballot report and per-desk reconciliation.
 * Staff see counts of the ballot box per desk and channel, never a ballot next to a person.
 */
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { user, verifications } from '../../platform/db/schema.ts';
import { NotFoundError } from '../../platform/result.ts';
import { normalizePhone } from '../../platform/verification/phone.ts';
import {
	budgetsBallots,
	budgetsDesks,
	budgetsPaperEntries,
	budgetsProjects,
	budgetsVoters,
	budgetsZones
} from './schema.ts';

export const desksOf = (db: Db, moduleId: string) =>
	db
		.select()
		.from(budgetsDesks)
		.where(eq(budgetsDesks.moduleId, moduleId))
		.orderBy(asc(budgetsDesks.name), asc(budgetsDesks.id));

export async function deskOrThrow(db: Db, moduleId: string, deskId: string) {
	const [desk] = await db
		.select()
		.from(budgetsDesks)
		.where(and(eq(budgetsDesks.id, deskId), eq(budgetsDesks.moduleId, moduleId)));
	if (!desk) throw new NotFoundError('desk');
	return desk;
}

/** The account with this e-mail address, or with this confirmed phone number. */
export async function findCitizen(db: Db, q: string) {
	const term = q.trim();
	if (!term) return null;
	const columns = { id: user.id, name: user.name, email: user.email };
	if (term.includes('@')) {
		const [row] = await db
			.select(columns)
			.from(user)
			.where(and(sql`lower(${user.email}) = ${term.toLowerCase()}`, isNull(user.deletedAt)));
		return row ?? null;
	}
	const phone = normalizePhone(term);
	if (!phone) return null;
	const [row] = await db
		.select(columns)
		.from(verifications)
		.innerJoin(user, eq(user.id, verifications.userId))
		.where(
			and(
				eq(verifications.kind, 'phone'),
				eq(verifications.detail, phone),
				isNull(verifications.revokedAt),
				isNull(user.deletedAt)
			)
		)
		.limit(1);
	return row ?? null;
}

export async function citizenById(db: Db, userId: string) {
	const [row] = await db
		.select({ id: user.id, name: user.name, email: user.email, locale: user.locale })
		.from(user)
		.where(and(eq(user.id, userId), isNull(user.deletedAt)));
	if (!row) throw new NotFoundError('user');
	return row;
}

/** The person's active verifications (kind, method, document type) — not their details (phone numbers). */
export const activeVerifications = (db: Db, userId: string) =>
	db
		.select({
			kind: verifications.kind,
			method: verifications.method,
			documentType: verifications.documentType
		})
		.from(verifications)
		.where(and(eq(verifications.userId, userId), isNull(verifications.revokedAt)));

/** Whether, how and where a person voted in this edition — the roll only, never the ballot. */
export async function rollEntryOf(db: Db, moduleId: string, userId: string) {
	const [row] = await db
		.select({
			channel: budgetsVoters.channel,
			deskId: budgetsVoters.deskId,
			deskName: budgetsDesks.name,
			createdAt: budgetsVoters.createdAt
		})
		.from(budgetsVoters)
		.leftJoin(budgetsDesks, eq(budgetsDesks.id, budgetsVoters.deskId))
		.where(and(eq(budgetsVoters.moduleId, moduleId), eq(budgetsVoters.userId, userId)));
	return row ?? null;
}

/** Pots and projects on the ballot, with the cost used everywhere (`city_cost ?? estimated_cost`). */
export async function ballotOf(db: Db, moduleId: string) {
	const [pots, projects] = await Promise.all([
		db
			.select({
				id: budgetsZones.id,
				code: budgetsZones.code,
				title: budgetsZones.name,
				budget: budgetsZones.budget,
				zoneId: budgetsZones.zoneId
			})
			.from(budgetsZones)
			.where(eq(budgetsZones.moduleId, moduleId))
			.orderBy(asc(budgetsZones.position), asc(budgetsZones.code)),
		db
			.select({
				id: budgetsProjects.id,
				zoneId: budgetsProjects.zoneId,
				code: budgetsProjects.code,
				title: budgetsProjects.title,
				cost: sql<number>`coalesce(${budgetsProjects.cityCost}, ${budgetsProjects.estimatedCost})`.mapWith(Number)
			})
			.from(budgetsProjects)
			.where(
				and(
					eq(budgetsProjects.moduleId, moduleId),
					eq(budgetsProjects.eligibility, 'eligible'),
					eq(budgetsProjects.evaluation, 'feasible'),
					isNull(budgetsProjects.withdrawnAt)
				)
			)
			.orderBy(asc(budgetsProjects.code))
	]);
	return { pots, projects };
}

export const paperEntriesOf = (db: Db, moduleId: string, serial: string) =>
	db
		.select()
		.from(budgetsPaperEntries)
		.where(and(eq(budgetsPaperEntries.moduleId, moduleId), eq(budgetsPaperEntries.serial, serial)))
		.orderBy(asc(budgetsPaperEntries.entry));

const entryRows = (db: Db, moduleId: string, statuses: string[]) =>
	db
		.select({
			id: budgetsPaperEntries.id,
			serial: budgetsPaperEntries.serial,
			entry: budgetsPaperEntries.entry,
			status: budgetsPaperEntries.status,
			choices: budgetsPaperEntries.choices,
			invalidReason: budgetsPaperEntries.invalidReason,
			deskId: budgetsPaperEntries.deskId,
			deskName: budgetsDesks.name,
			enteredBy: budgetsPaperEntries.enteredBy,
			enteredByName: user.name,
			createdAt: budgetsPaperEntries.createdAt
		})
		.from(budgetsPaperEntries)
		.innerJoin(budgetsDesks, eq(budgetsDesks.id, budgetsPaperEntries.deskId))
		.leftJoin(user, eq(user.id, budgetsPaperEntries.enteredBy))
		.where(and(eq(budgetsPaperEntries.moduleId, moduleId), inArray(budgetsPaperEntries.status, statuses)))
		.orderBy(asc(budgetsPaperEntries.serial), asc(budgetsPaperEntries.entry));

type EntryRow = Awaited<ReturnType<typeof entryRows>>[number];

const bySerial = (rows: EntryRow[]) => {
	const out = new Map<string, EntryRow[]>();
	for (const r of rows) out.set(r.serial, [...(out.get(r.serial) ?? []), r]);
	return [...out.entries()].map(([serial, entries]) => ({ serial, entries }));
};

/** Paper ballots whose two entries disagree, waiting for a supervisor. */
export async function mismatchesOf(db: Db, moduleId: string) {
	return bySerial(await entryRows(db, moduleId, ['mismatch']));
}

/**
 * The rejected-ballot report: every paper ballot not counted, with the reason, the desk and who entered it (both
 * readings, or the supervisor's reading that settled a mismatch). Nothing invalid is dropped silently.
 */
export async function rejectedBallotsOf(db: Db, moduleId: string) {
	const rejected = await entryRows(db, moduleId, ['rejected']);
	const serials = [...new Set(rejected.map((r) => r.serial))];
	const all = serials.length
		? (await entryRows(db, moduleId, ['rejected', 'resolved'])).filter((r) => serials.includes(r.serial))
		: [];
	return bySerial(all).map(({ serial, entries }) => {
		const final = entries.filter((e) => e.status === 'rejected').at(-1)!;
		return {
			serial,
			deskName: final.deskName,
			reason: final.invalidReason ?? 'other',
			resolved: entries.some((e) => e.status === 'resolved'),
			enteredBy: entries.map((e) => e.enteredByName ?? '—')
		};
	});
}

export interface DeskReconciliation {
	deskId: string;
	name: string;
	address: string | null;
	paperVoters: number;
	assistedVoters: number;
	paperAccepted: number;
	paperRejected: number;
	paperPending: number;
	paperMismatch: number;
	paperEntered: number;
	boxPaper: number;
	boxAssisted: number;
	/** People recorded as paper voters at the desk minus paper ballots entered (negative: more papers than people). */
	missing: number;
	/** Paper ballots entered but not settled yet (waiting for a second entry or a supervisor). */
	outstanding: number;
	reconciles: boolean;
}

/**
 * Per desk: people recorded as paper or assisted voters, paper ballots entered by their state (one per serial), and
 * the system's count of ballot-box rows by channel. It reconciles when every paper voter has a paper ballot entered
 * and settled (none waiting for a second entry or a supervisor), every accepted paper ballot is in the box, and every
 * assisted voter has exactly one assisted ballot in the box.
 */
export async function reconciliationOf(db: Db, moduleId: string): Promise<DeskReconciliation[]> {
	const [desks, roll, papers, box] = await Promise.all([
		desksOf(db, moduleId),
		db
			.select({ deskId: budgetsVoters.deskId, channel: budgetsVoters.channel, n: count() })
			.from(budgetsVoters)
			.where(and(eq(budgetsVoters.moduleId, moduleId), inArray(budgetsVoters.channel, ['paper', 'assisted'])))
			.groupBy(budgetsVoters.deskId, budgetsVoters.channel),
		db
			.select({
				serial: budgetsPaperEntries.serial,
				deskId: budgetsPaperEntries.deskId,
				status: budgetsPaperEntries.status
			})
			.from(budgetsPaperEntries)
			.where(eq(budgetsPaperEntries.moduleId, moduleId)),
		db
			.select({ deskId: budgetsBallots.deskId, channel: budgetsBallots.channel, n: count() })
			.from(budgetsBallots)
			.where(and(eq(budgetsBallots.moduleId, moduleId), inArray(budgetsBallots.channel, ['paper', 'assisted'])))
			.groupBy(budgetsBallots.deskId, budgetsBallots.channel)
	]);
	// One state per paper ballot (serial): the final reading wins over the entries it settled.
	const states = new Map<string, { deskId: string; statuses: Set<string> }>();
	for (const p of papers) {
		const s = states.get(p.serial) ?? { deskId: p.deskId, statuses: new Set<string>() };
		s.statuses.add(p.status);
		states.set(p.serial, s);
	}
	const stateOf = (statuses: Set<string>) =>
		['accepted', 'rejected', 'mismatch'].find((s) => statuses.has(s)) ?? 'pending';
	const paperRows = [...states.values()].map((s) => ({ deskId: s.deskId, state: stateOf(s.statuses) }));
	const num = (v: unknown) => Number(v ?? 0);
	return desks.map((d) => {
		const rollOf = (channel: string) => num(roll.find((r) => r.deskId === d.id && r.channel === channel)?.n);
		const boxOf = (channel: string) => num(box.find((r) => r.deskId === d.id && r.channel === channel)?.n);
		const paper = (state: string) => paperRows.filter((r) => r.deskId === d.id && r.state === state).length;
		const row = {
			deskId: d.id,
			name: d.name,
			address: d.address,
			paperVoters: rollOf('paper'),
			assistedVoters: rollOf('assisted'),
			paperAccepted: paper('accepted'),
			paperRejected: paper('rejected'),
			paperPending: paper('pending'),
			paperMismatch: paper('mismatch'),
			boxPaper: boxOf('paper'),
			boxAssisted: boxOf('assisted')
		};
		const paperEntered = row.paperAccepted + row.paperRejected + row.paperPending + row.paperMismatch;
		const missing = row.paperVoters - paperEntered;
		return {
			...row,
			paperEntered,
			missing,
			outstanding: row.paperPending + row.paperMismatch,
			reconciles:
				missing === 0 &&
				row.paperPending + row.paperMismatch === 0 &&
				row.boxPaper === row.paperAccepted &&
				row.boxAssisted === row.assistedVoters
		};
	});
}
