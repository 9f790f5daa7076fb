/**
 * The JSON form of a Pabulib file (lossless; `vocea-pb convert` writes and reads it):
 *
 * ```json
 * { "format": "pabulib-json/1",
 *   "meta": [["description", "…"], ["budget", "100000"], …],   // key/value pairs in file order
 *   "metaHeader": true,                                         // whether META had its key;value header
 *   "projects": { "columns": ["project_id", "cost", …], "rows": [["1", "7200", …], …] },
 *   "votes":    { "columns": ["voter_id", "vote", …],   "rows": [["1", "3,9,2", …], …] } }
 * ```
 * Cells are strings, `null` for `None`.
 */
import type { PabulibFile } from './pabulib.ts';

export interface PabulibJson {
	format: 'pabulib-json/1';
	meta: [string, string | null][];
	metaHeader: boolean;
	projects: { columns: string[]; rows: (string | null)[][] };
	votes: { columns: string[]; rows: (string | null)[][] };
}

export function toJson(f: PabulibFile): PabulibJson {
	return {
		format: 'pabulib-json/1',
		meta: f.meta,
		metaHeader: f.metaHeader,
		projects: { columns: f.projects.columns, rows: f.projects.rows },
		votes: { columns: f.votes.columns, rows: f.votes.rows }
	};
}

function isCells(x: unknown, width: number): x is (string | null)[] {
	return Array.isArray(x) && x.length === width && x.every((c) => c === null || typeof c === 'string');
}

export function fromJson(j: unknown): PabulibFile {
	const o = j as PabulibJson;
	if (!o || typeof o !== 'object' || o.format !== 'pabulib-json/1') throw new Error('not a pabulib-json/1 document');
	if (!Array.isArray(o.meta) || !o.meta.every((kv) => isCells(kv, 2) && typeof kv[0] === 'string'))
		throw new Error('meta must be [key, value] pairs');
	const section = (s: PabulibJson['projects'], name: string) => {
		if (!s || !Array.isArray(s.columns) || !s.columns.every((c) => typeof c === 'string'))
			throw new Error(`${name}.columns must be strings`);
		if (!Array.isArray(s.rows)) throw new Error(`${name}.rows must be an array`);
		s.rows.forEach((r, i) => {
			if (!isCells(r, s.columns.length))
				throw new Error(`${name}.rows[${i}] must have ${s.columns.length} string/null cells`);
		});
		return { columns: s.columns, rows: s.rows, lines: s.rows.map((_, i) => i + 1) };
	};
	return {
		meta: o.meta,
		metaHeader: !!o.metaHeader,
		projects: section(o.projects, 'projects'),
		votes: section(o.votes, 'votes')
	};
}
