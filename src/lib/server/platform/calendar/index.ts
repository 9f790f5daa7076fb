/**
 * # Romanian legal calendar
 *
 * Pure functions, no database, no `Date` arithmetic. Used by consultations (Law 52/2003), petitions / issue
 * reports (OG 27/2002) and information requests (Law 544/2001).
 *
 * ## Dates
 * - A date is an ISO `YYYY-MM-DD` string (`IsoDate`): a day on the wall calendar in **Europe/Bucharest**.
 * - Instants become dates only via `dateInBucharest(instant)` / `todayInBucharest()` (Intl.DateTimeFormat with
 *   timeZone 'Europe/Bucharest', so DST is handled by the zone rules). `startOfDayInBucharest(date)` and
 *   `endOfDayInBucharest(date)` go back to instants (a day-counted term ends at 24:00 of its last day, Civil Code
 *   art. 2553(2)).
 *
 * ## Working days
 * - Monday–Friday, minus the legal public holidays of Labour Code (Law 53/2003) art. 139(1) as in force in 2026:
 *   1–2 Jan, 6 Jan (Boboteaza), 7 Jan (Sf. Ioan; both added by Law 52/2023, from 2024), 24 Jan, Orthodox Good
 *   Friday, Orthodox Easter Sunday and Monday, 1 May, 1 June, Orthodox Pentecost (Rusalii) Sunday and Monday,
 *   15 Aug, 30 Nov, 1 Dec, 25–26 Dec — minus any `extraNonWorkingDays` passed in (Government "punte" days,
 *   closures). The list is applied to every year (not historical before 2024).
 * - Orthodox Easter: Meeus' Julian algorithm + the Julian→Gregorian offset (13 days in 1900–2099). Good Friday =
 *   Easter − 2, Pentecost = Easter + 49, Pentecost Monday = Easter + 50.
 * - `../shared/reference/romania.md` requires the Romanian working-day calendar with public holidays (§1.1) but
 *   does not list them; the list follows the task brief and the Labour Code mirrors cited in holidays.ts.
 *
 * ## Counting a term (deadlines.ts)
 * - The day a term runs from (publication, registration, request) is not counted; the nominal last day is the
 *   N-th calendar or working day after it (`addCalendarDays` / `addWorkingDays`).
 * - A forward calendar-day term to act whose last day is a non-working day ends on the next working day (Civil
 *   Code art. 2554; Civil Procedure Code art. 181(2)). romania.md is silent on this; it comes from the brief.
 *   Notice periods (3 days before a public meeting) and terms counted backwards are not carried.
 * - Option `freeDays` applies the "free days" reading of Civil Code art. 2553(1) / CPC art. 181(1) pt. 2
 *   (neither first nor last day counted: one day later). Off by default — a legal choice to confirm.
 *
 * ## Rules (periods per romania.md §0, §1.1–1.3)
 * | helper | rule | period | unit | bound |
 * | --- | --- | --- | --- | --- |
 * | `law52EarliestApproval` | Law 52/2003 art. 7(2) | ≥ 30 after publication | working | earliest |
 * | `law52RecommendationsEarliestClose` | Law 52/2003 art. 7(4) | ≥ 10 after publication | calendar [?] | earliest |
 * | `law52PublicDebateDeadline` | Law 52/2003 art. 7(9)-(10) | ≤ 10 after the request (or publication of date/place) | calendar | latest |
 * | `law52MeetingAnnouncementDeadline` / `law52EarliestMeeting` | Law 52/2003 art. 8 | ≥ 3 before the meeting | calendar, not carried | latest / earliest |
 * | `og27AnswerDeadline` | OG 27/2002 art. 8 | 30 after registration | calendar | latest |
 * | `og27ExtendedAnswerDeadline` | OG 27/2002 art. 9 | 30 + (1–15), once | calendar | latest |
 * | `og27ForwardingDeadline` | OG 27/2002 art. 6(2) | 5 after registration | calendar | latest |
 * | `law544AnswerDeadline` | Law 544/2001 art. 7(1) | 10 after registration | calendar | latest |
 * | `law544ComplexNoticeDeadline` / `law544ComplexAnswerDeadline` | Law 544/2001 art. 7(1) | notice ≤ 10, answer ≤ 30 | calendar | latest |
 * | `law544RefusalDeadline` | Law 544/2001 art. 7(3) | reasoned refusal ≤ 5 after receipt | calendar | latest |
 *
 * Every helper returns a `Deadline` { rule (act, article, summary, sources), bound, from, days, unit, nominal,
 * due, carried, carryRule }; `deadlineStatus(deadline, today)` gives days left / overdue. romania.md read the laws
 * through mirrors: verify against the consolidated texts on legislatie.just.ro before enforcing them strictly.
 */
export {
	TIME_ZONE,
	addCalendarDays,
	assertIsoDate,
	calendarDaysBetween,
	compareIsoDates,
	dateInBucharest,
	dayOfWeek,
	endOfDayInBucharest,
	fromEpochDay,
	isIsoDate,
	isWeekend,
	parseIsoDate,
	startOfDayInBucharest,
	toEpochDay,
	todayInBucharest,
	type IsoDate,
	type Weekday
} from './date.ts';
export { julianToGregorianOffset, orthodoxEaster } from './easter.ts';
export { holidaysOn, isPublicHoliday, publicHolidays, type HolidayId, type PublicHoliday } from './holidays.ts';
export {
	addWorkingDays,
	isWorkingDay,
	nextWorkingDayOnOrAfter,
	workingDayPredicate,
	workingDaysBetween,
	type CalendarOptions
} from './working-days.ts';
export * from './deadlines.ts';
