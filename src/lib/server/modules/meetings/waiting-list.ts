/** Moves people up from the waiting list while seats are free; run inside the transaction that holds the meeting lock. */
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/index.ts';
import { freeSeats, promotionsFrom } from './rules.ts';
import { meetingsMeetings, meetingsRegistrations } from './schema.ts';

/** Locks the meeting row: every change to its seats goes through this lock, so counts read after it are exact. */
export async function lockMeeting(tx: Tx, meetingId: string) {
	const [row] = await tx.select().from(meetingsMeetings).where(eq(meetingsMeetings.id, meetingId)).for('update');
	return row;
}

export async function seatsTaken(tx: Tx, meetingId: string): Promise<number> {
	const [row] = await tx
		.select({ n: count() })
		.from(meetingsRegistrations)
		.where(and(eq(meetingsRegistrations.meetingId, meetingId), eq(meetingsRegistrations.status, 'registered')));
	return row?.n ?? 0;
}

/** Promotes the first people waiting into free seats; returns who moved up. */
export async function promoteWaiting(tx: Tx, meetingId: string, capacity: number | null, now: Date) {
	const waiting = await tx
		.select()
		.from(meetingsRegistrations)
		.where(and(eq(meetingsRegistrations.meetingId, meetingId), eq(meetingsRegistrations.status, 'waiting')));
	if (!waiting.length) return [];
	const chosen = promotionsFrom(waiting, freeSeats(capacity, await seatsTaken(tx, meetingId), waiting.length));
	if (!chosen.length) return [];
	await tx
		.update(meetingsRegistrations)
		.set({ status: 'registered', promotedAt: now })
		.where(
			inArray(
				meetingsRegistrations.id,
				chosen.map((r) => r.id)
			)
		);
	return chosen;
}
