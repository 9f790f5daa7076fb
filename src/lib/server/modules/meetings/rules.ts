/**
 * Pure rules of meetings: the Law 52/2003 art. 8 notice for public meetings, when registration is open, and who
 * moves up from the waiting list. No database, no clock: callers pass `now`.
 */
import { dateInBucharest, law52MeetingAnnouncementDeadline, compareIsoDates } from '../../platform/calendar/index.ts';

export const meetingTypes = ['in_person', 'online', 'hybrid'] as const;
export type MeetingType = (typeof meetingTypes)[number];

/**
 * Law 52/2003 art. 8: a public meeting is announced at least 3 calendar days before it is held. Publishing on
 * `now` is on time when today (in Bucharest) is on or before the last day to announce it.
 */
export function noticeCheck(startsAt: Date, now: Date) {
	const deadline = law52MeetingAnnouncementDeadline(dateInBucharest(startsAt));
	const today = dateInBucharest(now);
	return {
		onTime: compareIsoDates(today, deadline.due) <= 0,
		lastDayToAnnounce: deadline.due,
		rule: `${deadline.rule.act} ${deadline.rule.article}`
	};
}

export type RegistrationState = 'open' | 'disabled' | 'not_yet' | 'closed' | 'cancelled' | 'past' | 'draft';

export interface RegistrationWindow {
	status: string;
	registrationEnabled: boolean;
	registrationOpensAt: Date | null;
	registrationClosesAt: Date | null;
	startsAt: Date;
}

/** Whether people may register for the meeting at `now` (capacity aside: a full meeting still takes the waiting list). */
export function registrationState(m: RegistrationWindow, now: Date): RegistrationState {
	if (m.status === 'cancelled') return 'cancelled';
	if (m.status !== 'published') return 'draft';
	if (m.startsAt <= now) return 'past';
	if (!m.registrationEnabled) return 'disabled';
	if (m.registrationOpensAt && now < m.registrationOpensAt) return 'not_yet';
	if (m.registrationClosesAt && now >= m.registrationClosesAt) return 'closed';
	return 'open';
}

/** A seat is free when there is no limit or fewer people registered than seats. */
export const hasSeat = (capacity: number | null, registered: number) => capacity === null || registered < capacity;

export interface Waiting {
	id: string;
	waitingSince: Date | null;
	createdAt: Date;
}

/** Who moves up from the waiting list when `freeSeats` seats free up: first come, first served. */
export function promotionsFrom<T extends Waiting>(waiting: T[], freeSeats: number): T[] {
	if (freeSeats <= 0) return [];
	const key = (w: Waiting) => (w.waitingSince ?? w.createdAt).getTime();
	return [...waiting].sort((a, b) => key(a) - key(b) || a.id.localeCompare(b.id)).slice(0, freeSeats);
}

/** Seats freed by a change of capacity (more seats) or a cancellation, given how many hold one now. */
export const freeSeats = (capacity: number | null, registered: number, waiting: number) =>
	capacity === null ? waiting : Math.max(0, capacity - registered);

/** A short registration code people can read out at the door (no 0/O, 1/I). */
export function registrationCode(random: (n: number) => number): string {
	const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	let code = '';
	for (let i = 0; i < 8; i++) code += alphabet[random(alphabet.length)];
	return `${code.slice(0, 4)}-${code.slice(4)}`;
}
