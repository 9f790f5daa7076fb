/** Guards open data against personal data: a column whose name says it identifies a person is refused outright. */

/** e-mail, phone, user/author/owner ids, who created or changed a row, IP addresses, names of people. */
const PERSONAL =
	/(^|_)(e_?mail|phone|user(_?id)?|author(_?id)?|owner(_?id)?|created_by|updated_by|ip|ip_address|full_name|person)($|_)/i;

export const isPersonalColumn = (name: string) => PERSONAL.test(name.replace(/[^a-z0-9]+/gi, '_'));

/** Throws when an export declares a column that names personal data: a module bug, never served. */
export function assertNoPersonalColumns(module: string, exportName: string, columns: { name: string }[]): void {
	const bad = columns.filter((c) => isPersonalColumn(c.name)).map((c) => c.name);
	if (bad.length) throw new Error(`open data ${module}/${exportName}: personal column(s) ${bad.join(', ')}`);
}
