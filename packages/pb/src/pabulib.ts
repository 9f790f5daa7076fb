/**
 * Pabulib `.pb` files: a faithful reader and writer of the raw file (sections, columns, cells).
 *
 * Format: http://pabulib.org/format — three sections `META`, `PROJECTS`, `VOTES`, each a header row and
 * `;`-separated rows. Real files differ in details; this reader handles them deliberately:
 *  - CRLF or LF line ends, a missing final newline, blank lines;
 *  - quoted cells (`"a;b"`, `""` inside quotes is one `"`, a quoted cell may span lines);
 *  - a `"` inside an unquoted cell is kept literally (as CSV readers do);
 *  - one extra empty cell at the end of a row (a trailing `;`);
 *  - `None` (unquoted) is read as `null`;
 *  - old files whose META has no `key;value` header.
 * Anything else that does not fit (a row with the wrong number of cells, an unknown section, a quote that never
 * closes) is a {@link PabulibError} naming the line and the reason.
 */

export interface PabulibSection {
	/** Header row, as written. */
	columns: string[];
	/** Data rows; each has exactly `columns.length` cells; `null` stands for `None`. */
	rows: (string | null)[][];
	/** 1-based line number where each row starts (parallel to `rows`). */
	lines: number[];
}

export interface PabulibFile {
	/** META key/value pairs in file order. */
	meta: [string, string | null][];
	/** Whether the META section starts with a `key;value` header row (old files lack it). */
	metaHeader: boolean;
	projects: PabulibSection;
	votes: PabulibSection;
}

export class PabulibError extends Error {
	readonly file: string | undefined;
	readonly line: number | undefined;
	readonly reason: string;
	constructor(reason: string, line?: number, file?: string) {
		super(`${file ?? '<input>'}${line !== undefined ? `:${line}` : ''}: ${reason}`);
		this.name = 'PabulibError';
		this.reason = reason;
		this.line = line;
		this.file = file;
	}
}

interface RawRecord {
	cells: (string | null)[];
	line: number;
}

const SEMI = 59; // ;
const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** Splits the text into records of cells. Quoted cells may contain `;`, `""` and line breaks. */
function* records(text: string, file: string | undefined): Generator<RawRecord> {
	const n = text.length;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // BOM
	let line = 1;
	let nextQuote = text.indexOf('"', i);
	while (i < n) {
		const startLine = line;
		// fast path: a line without quotes is split on ';'
		let eol = text.indexOf('\n', i);
		if (eol < 0) eol = n;
		if (nextQuote >= 0 && nextQuote < i) nextQuote = text.indexOf('"', i);
		const q = nextQuote;
		if (q < 0 || q > eol) {
			const end = eol > i && text.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
			const raw = text.slice(i, end);
			i = eol + 1;
			line++;
			if (raw.trim() === '') continue;
			const parts = raw.split(';');
			const cellsFast: (string | null)[] = parts;
			for (let k = 0; k < parts.length; k++) if (parts[k] === 'None') cellsFast[k] = null;
			yield { cells: cellsFast, line: startLine };
			continue;
		}
		const cells: (string | null)[] = [];
		let endOfRecord = false;
		while (!endOfRecord) {
			if (i < n && text.charCodeAt(i) === QUOTE) {
				// quoted cell
				let value = '';
				let j = i + 1;
				for (;;) {
					const q = text.indexOf('"', j);
					if (q < 0) throw new PabulibError('a quoted cell is never closed', startLine, file);
					const chunk = text.slice(j, q);
					for (let k = 0; k < chunk.length; k++) if (chunk.charCodeAt(k) === LF) line++;
					value += chunk;
					if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
						value += '"';
						j = q + 2;
						continue;
					}
					i = q + 1;
					break;
				}
				// anything after the closing quote up to the separator is kept literally
				let k = i;
				while (k < n) {
					const c = text.charCodeAt(k);
					if (c === SEMI || c === LF || (c === CR && text.charCodeAt(k + 1) === LF)) break;
					k++;
				}
				value += text.slice(i, k);
				i = k;
				cells.push(value);
			} else {
				let k = i;
				while (k < n) {
					const c = text.charCodeAt(k);
					if (c === SEMI || c === LF || (c === CR && (k + 1 === n || text.charCodeAt(k + 1) === LF))) break;
					k++;
				}
				const raw = text.slice(i, k);
				cells.push(raw === 'None' ? null : raw);
				i = k;
			}
			if (i >= n) {
				endOfRecord = true;
			} else {
				const c = text.charCodeAt(i);
				if (c === SEMI) {
					i++;
				} else {
					if (c === CR) i++;
					if (i < n && text.charCodeAt(i) === LF) i++;
					line++;
					endOfRecord = true;
				}
			}
		}
		if (cells.length === 1 && (cells[0] === '' || (cells[0] !== null && cells[0].trim() === ''))) continue;
		yield { cells, line: startLine };
	}
}

const SECTIONS = new Set(['meta', 'projects', 'votes']);

/** Reads the raw structure of a Pabulib file. `file` is only used in error messages. */
export function readPabulib(text: string, file?: string): PabulibFile {
	const meta: [string, string | null][] = [];
	let metaHeader = false;
	const projects: PabulibSection = { columns: [], rows: [], lines: [] };
	const votes: PabulibSection = { columns: [], rows: [], lines: [] };
	let section: 'meta' | 'projects' | 'votes' | null = null;
	let expectHeader = false;
	const seen = new Set<string>();
	for (const rec of records(text, file)) {
		const first = rec.cells[0];
		if (rec.cells.length === 1 && first !== null && SECTIONS.has(first.trim().toLowerCase())) {
			const name = first.trim().toLowerCase() as 'meta' | 'projects' | 'votes';
			if (seen.has(name)) throw new PabulibError(`section ${name.toUpperCase()} appears twice`, rec.line, file);
			seen.add(name);
			section = name;
			expectHeader = true;
			continue;
		}
		if (section === null)
			throw new PabulibError('content before the first section (META, PROJECTS or VOTES)', rec.line, file);
		if (section === 'meta') {
			if (expectHeader) {
				expectHeader = false;
				if (rec.cells.length === 2 && rec.cells[0]?.trim() === 'key' && rec.cells[1]?.trim() === 'value') {
					metaHeader = true;
					continue;
				}
			}
			if (rec.cells.length < 2)
				throw new PabulibError('a META row needs a key and a value (key;value)', rec.line, file);
			const key = rec.cells[0];
			if (key === null || key.trim() === '') throw new PabulibError('a META row has an empty key', rec.line, file);
			let value: string | null;
			if (rec.cells.length === 2) value = rec.cells[1];
			else if (rec.cells.length === 3 && rec.cells[2] === '') value = rec.cells[1];
			else
				value = rec.cells
					.slice(1)
					.map((c) => c ?? 'None')
					.join(';'); // an unquoted value containing ';'
			meta.push([key.trim(), value]);
			continue;
		}
		const target = section === 'projects' ? projects : votes;
		if (expectHeader) {
			expectHeader = false;
			const cols = rec.cells.map((c) => (c ?? 'None').trim());
			if (cols.length > 1 && cols[cols.length - 1] === '') cols.pop(); // trailing ';' on the header
			const dup = cols.find((c, k) => cols.indexOf(c) !== k);
			if (dup !== undefined)
				throw new PabulibError(`column "${dup}" appears twice in the ${section.toUpperCase()} header`, rec.line, file);
			target.columns = cols;
			continue;
		}
		let cells = rec.cells;
		const width = target.columns.length;
		if (cells.length === width + 1 && cells[width] === '') cells = cells.slice(0, width); // trailing ';'
		if (cells.length !== width)
			throw new PabulibError(
				`${section.toUpperCase()} row has ${cells.length} cells, the header has ${width} (${target.columns.join(';')})`,
				rec.line,
				file
			);
		target.rows.push(cells);
		target.lines.push(rec.line);
	}
	for (const s of ['meta', 'projects', 'votes'])
		if (!seen.has(s)) throw new PabulibError(`missing section ${s.toUpperCase()}`, undefined, file);
	return { meta, metaHeader, projects, votes };
}

function cell(value: string | null): string {
	if (value === null) return 'None';
	if (value === 'None' || /[;"\r\n]/.test(value) || (value !== value.trim() && value.trim() === '' && value !== '')) {
		return `"${value.replaceAll('"', '""')}"`;
	}
	return value;
}

/** Writes a Pabulib file (LF line ends, final newline). `readPabulib(writePabulib(f))` equals `f` (up to line numbers). */
export function writePabulib(file: PabulibFile): string {
	const out: string[] = ['META'];
	if (file.metaHeader) out.push('key;value');
	for (const [k, v] of file.meta) out.push(`${cell(k)};${cell(v)}`);
	out.push('PROJECTS');
	out.push(file.projects.columns.map(cell).join(';'));
	for (const r of file.projects.rows) out.push(r.map(cell).join(';'));
	out.push('VOTES');
	out.push(file.votes.columns.map(cell).join(';'));
	for (const r of file.votes.rows) out.push(r.map(cell).join(';'));
	return out.join('\n') + '\n';
}
