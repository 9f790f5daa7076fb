/** Wall-clock times in Europe/Bucharest ↔ instants, for `datetime-local` form fields (DST handled by the zone rules). */
const TZ = 'Europe/Bucharest';
const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: TZ,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

function wallClock(instant: Date): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
	const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
	return { y: +p.year, mo: +p.month, d: +p.day, h: +p.hour, mi: +p.minute, s: +p.second };
}

/** Offset of Bucharest from UTC at `instant`, in milliseconds (+2 h in winter, +3 h in summer). */
function offsetAt(instant: Date): number {
	const w = wallClock(instant);
	return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * `2026-12-01T18:00` read as Bucharest wall time → the instant. A time skipped by the spring change resolves to
 * the hour after; an hour repeated in autumn resolves to its first occurrence. Null for anything malformed.
 */
export function fromBucharestLocal(value: string): Date | null {
	const m = LOCAL_RE.exec(value.trim());
	if (!m) return null;
	const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
	const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
	const check = new Date(asUtc);
	if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return null;
	// Two passes: the offset at the guessed instant, then at the corrected one (differs only around a DST change).
	const first = asUtc - offsetAt(new Date(asUtc - offsetAt(new Date(asUtc))));
	const earlier = asUtc - offsetAt(new Date(first - 3_600_000));
	const candidate = [earlier, first].find((t) => {
		const w = wallClock(new Date(t));
		return w.y === y && w.mo === mo && w.d === d && w.h === h && w.mi === mi;
	});
	return new Date(candidate ?? first);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant as a `datetime-local` value in Bucharest wall time (`2026-12-01T18:00`). */
export function toBucharestLocal(instant: Date | null | undefined): string {
	if (!instant) return '';
	const w = wallClock(instant);
	return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}
