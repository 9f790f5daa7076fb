/**
 * Pure rules of problem reporting: the state machine (who may move a report where), the Open311 open/closed view of
 * a state, the legal answer dates under OG 27/2002 (30 days, + up to 15 when extended with a reason, 5 days to
 * forward to an outside body), days left, and the reporter's reopen window.
 */
import {
	OG27_MAX_EXTENSION_DAYS,
	og27AnswerDeadline,
	og27ExtendedAnswerDeadline,
	og27ForwardingDeadline,
	todayInBucharest,
	type IsoDate
} from '../../platform/calendar/index.ts';
import { closedStates, isOpen, openStates, type ReportState } from '../../../modules/reports/states.ts';

/** The open and closed states (one list with the pages: src/lib/modules/reports/states.ts). */
export { closedStates, isOpen, openStates };

/** Open311 `status`: open or closed. */
export const open311Status = (state: ReportState): 'open' | 'closed' => (isOpen(state) ? 'open' : 'closed');

/** FMS extended statuses (opt-in per client, `servicerequestupdates`). */
export const open311ExtendedStatus: Record<ReportState, string> = {
	new: 'OPEN',
	confirmed: 'OPEN',
	in_progress: 'IN_PROGRESS',
	fixed: 'FIXED',
	closed: 'CLOSED',
	duplicate: 'DUPLICATE',
	not_responsible: 'NOT_COUNCILS_RESPONSIBILITY',
	cannot_fix: 'NO_FURTHER_ACTION'
};

/** Where staff may move a report from each state. Closed reports may be reopened (to confirmed) by staff. */
const staffMoves: Record<ReportState, readonly ReportState[]> = {
	new: ['confirmed', 'in_progress', 'fixed', 'closed', 'duplicate', 'not_responsible', 'cannot_fix'],
	confirmed: ['in_progress', 'fixed', 'closed', 'duplicate', 'not_responsible', 'cannot_fix'],
	in_progress: ['confirmed', 'fixed', 'closed', 'duplicate', 'not_responsible', 'cannot_fix'],
	fixed: ['confirmed', 'in_progress', 'closed'],
	closed: ['confirmed'],
	duplicate: ['confirmed'],
	not_responsible: ['confirmed'],
	cannot_fix: ['confirmed']
};

export const canStaffMove = (from: ReportState, to: ReportState) => staffMoves[from].includes(to);

/** States that need a text reason (shown publicly): the body it belongs to, why it cannot be fixed. */
export const needsReason = (to: ReportState) => to === 'not_responsible' || to === 'cannot_fix';

/**
 * The reporter may say "not fixed" (back to confirmed) within `reopenDays` after it was marked fixed — never after
 * staff closed it for good, and never on someone else's report.
 */
export function canReporterReopen(
	report: { state: ReportState; fixedAt: Date | null },
	reopenDays: number,
	now: Date = new Date()
): boolean {
	if (report.state !== 'fixed' || !report.fixedAt) return false;
	return now.getTime() <= reopenWindowEnd(report.fixedAt, reopenDays).getTime();
}

/** The last moment the reporter may reopen a report marked fixed at `fixedAt`. */
export const reopenWindowEnd = (fixedAt: Date, reopenDays: number) =>
	new Date(fixedAt.getTime() + reopenDays * 86_400_000);

/** The legal dates of a report registered at `registeredAt` (dates in Europe/Bucharest). */
export function reportDeadlines(registeredAt: Date) {
	const on = todayInBucharest(registeredAt.getTime());
	return { answer: og27AnswerDeadline(on), forwarding: og27ForwardingDeadline(on) };
}

/** The extended answer date, or a message key when the extension is not allowed. */
export function extendedDueOn(registeredAt: Date, extensionDays: number): { due: IsoDate } | { error: string } {
	if (!Number.isInteger(extensionDays) || extensionDays < 1 || extensionDays > OG27_MAX_EXTENSION_DAYS) {
		return { error: 'reports_extension_days_invalid' };
	}
	return { due: og27ExtendedAnswerDeadline(todayInBucharest(registeredAt.getTime()), extensionDays).due };
}

/** The date that applies now: the extended one if granted. */
export const answerDueOn = (r: { dueOn: string | null; extendedDueOn: string | null }) => r.extendedDueOn ?? r.dueOn;

/** Calendar days left until the answer date (negative = overdue by that many days); null for notices. */
export function daysLeft(dueOn: string | null, today: IsoDate = todayInBucharest()): number | null {
	if (!dueOn) return null;
	return Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** The public registration number, e.g. `TM-2026-000123` (prefix from the settings, year of registration). */
export const registrationNumber = (prefix: string, number: number, registeredAt: Date) =>
	`${prefix}-${todayInBucharest(registeredAt.getTime()).slice(0, 4)}-${String(number).padStart(6, '0')}`;
