/**
 * The path of phases in time: which phase is current, which are past and upcoming, what comes next. Pure functions:
 * phases hold inclusive calendar dates in the city's time zone, so "today" is computed in Europe/Bucharest.
 */
export const cityTimeZone = 'Europe/Bucharest';

export interface DatedPhase {
	id: string;
	position: number;
	startsOn: string;
	endsOn: string;
}

export type PhaseStatus = 'past' | 'current' | 'upcoming';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
	timeZone: cityTimeZone,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The last answer, for the minute it holds (a day starts on a whole minute in every time zone). */
let lastDay = { from: 0, to: 0, day: '' };

/** The calendar date (YYYY-MM-DD) in Timișoara at the given instant (several calls per page: remembered a minute). */
export function cityToday(now: Date): string {
	const t = now.getTime();
	if (t >= lastDay.from && t < lastDay.to) return lastDay.day;
	const from = Math.floor(t / 60_000) * 60_000;
	lastDay = { from, to: from + 60_000, day: dayFormat.format(now) };
	return lastDay.day;
}

export const phaseStatus = (phase: DatedPhase, today: string): PhaseStatus =>
	phase.endsOn < today ? 'past' : phase.startsOn > today ? 'upcoming' : 'current';

export interface Timeline<P extends DatedPhase> {
	today: string;
	phases: (P & { status: PhaseStatus })[];
	/** The phase whose dates include today; null before the first, after the last, or in a gap. */
	current: P | null;
	/** The first phase that starts after today. */
	next: P | null;
	/** The last phase that ended before today. */
	previous: P | null;
}

/** Orders the phases by date and marks each as past, current or upcoming at `now`. */
export function timelineAt<P extends DatedPhase>(phases: readonly P[], now: Date): Timeline<P> {
	const today = cityToday(now);
	const ordered = [...phases].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.position - b.position);
	const marked = ordered.map((p) => ({ ...p, status: phaseStatus(p, today) }));
	return {
		today,
		phases: marked,
		current: ordered.find((p) => phaseStatus(p, today) === 'current') ?? null,
		next: ordered.find((p) => p.startsOn > today) ?? null,
		previous: ordered.filter((p) => p.endsOn < today).at(-1) ?? null
	};
}

export const currentPhaseAt = <P extends DatedPhase>(phases: readonly P[], now: Date): P | null =>
	timelineAt(phases, now).current;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in YYYY-MM-DD form (rejects 2025-02-30). */
export function isCalendarDate(value: string): boolean {
	if (!isoDate.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Checks one phase's dates against the others of its space: start on or before end, no overlap (gaps are fine).
 * Returns field → message key, empty when valid.
 */
export function checkPhaseDates(
	candidate: { id?: string; startsOn: string; endsOn: string },
	others: readonly DatedPhase[]
): Record<string, string> {
	if (!isCalendarDate(candidate.startsOn)) return { startsOn: 'validation_date' };
	if (!isCalendarDate(candidate.endsOn)) return { endsOn: 'validation_date' };
	if (candidate.endsOn < candidate.startsOn) return { endsOn: 'processes_phase_error_end_before_start' };
	const clash = others.find(
		(o) => o.id !== candidate.id && o.startsOn <= candidate.endsOn && candidate.startsOn <= o.endsOn
	);
	return clash ? { startsOn: 'processes_phase_error_overlap' } : {};
}
