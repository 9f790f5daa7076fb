/**
 * Reads a census CSV: header `hash,birth_year,neighbourhood` (the last two columns may be empty or absent), one
 * hashed identifier per line. Stops at the first bad line and says which one, so staff can fix the file.
 */
import { parse } from 'csv-parse/sync';

export interface CensusRow {
	hash: string;
	birthYear: number | null;
	/** A neighbourhood slug, as listed at /admin/neighbourhoods. */
	neighbourhood: string | null;
}

export type CensusFile = { ok: true; rows: CensusRow[] } | { ok: false; error: string; line?: number };

export function parseCensusFile(text: string, thisYear = new Date().getFullYear()): CensusFile {
	let records: Record<string, string>[];
	try {
		records = parse(text.replace(/^\uFEFF/, ''), {
			columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
			skip_empty_lines: true,
			trim: true,
			relax_column_count: true
		});
	} catch {
		return { ok: false, error: 'verification_census_not_csv' };
	}
	if (!records.length) return { ok: false, error: 'verification_census_empty' };
	if (!('hash' in records[0])) return { ok: false, error: 'verification_census_no_header' };
	const rows: CensusRow[] = [];
	const seen = new Set<string>();
	for (const [i, r] of records.entries()) {
		const line = i + 2; // 1-based, after the header
		const hash = (r.hash ?? '').toLowerCase();
		if (!/^[0-9a-f]{64}$/.test(hash)) return { ok: false, error: 'verification_census_bad_hash', line };
		if (seen.has(hash)) return { ok: false, error: 'verification_census_duplicate', line };
		seen.add(hash);
		const year = (r.birth_year ?? '').trim();
		let birthYear: number | null = null;
		if (year) {
			birthYear = Number(year);
			if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > thisYear)
				return { ok: false, error: 'verification_census_bad_year', line };
		}
		rows.push({ hash, birthYear, neighbourhood: (r.neighbourhood ?? '').trim() || null });
	}
	return { ok: true, rows };
}
