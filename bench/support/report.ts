/** Percentiles, a Markdown table for the console, and a one-line description of the machine. */
import { cpus, loadavg, totalmem } from 'node:os';

/** The p-th percentile (nearest rank) of an ascending list; NaN when empty. */
export function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** `v` with `digits` decimals, or '-' when it is not a finite number. */
export const fixed = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : '-');

/** Prints a Markdown table with padded columns. */
export function printTable(head: string[], lines: string[][]) {
	const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
	const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	console.log(row(head));
	console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
	for (const l of lines) console.log(row(l));
}

/** Date, Node version, CPUs, memory and the current load average. */
export function machineLine(started: Date): string {
	return (
		`${started.toISOString()} · node ${process.version} · ${cpus().length} × ${cpus()[0]?.model.trim()} · ` +
		`${(totalmem() / 2 ** 30).toFixed(0)} GiB · load average now ${loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')}`
	);
}
