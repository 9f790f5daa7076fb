/** RFC 4180 CSV (personal-data downloads, open data): CRLF line ends, fields quoted only when needed, quotes doubled. */

export type Row = Record<string, unknown>;

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is prefixed with an apostrophe,
 * as OWASP advises, because other people's content (comments, titles) can reach a person's export. data.json keeps
 * the exact values.
 */
function cell(value: unknown): string {
	if (value === null || value === undefined) return '';
	let text: string;
	if (value instanceof Date) text = value.toISOString();
	else if (typeof value === 'object') text = JSON.stringify(value);
	else text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: Row[], columns?: string[]): string {
	const header = columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
	const lines = [header.map(cell).join(',')];
	for (const row of rows) lines.push(header.map((c) => cell(row[c])).join(','));
	return `${lines.join('\r\n')}\r\n`;
}
