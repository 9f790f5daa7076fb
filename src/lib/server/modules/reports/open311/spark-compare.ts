/**
 * For tests: reads an Open311 XML document back into the JSON the Spark convention gives (containers of the known
 * repeated elements → arrays, empty elements → null, leaves as strings), to check that both formats say the same.
 */
import { XMLParser } from 'fast-xml-parser';

/** The repeated elements of GeoReport v2 (and of the extensions we serve). */
export const REPEATED = new Set([
	'service',
	'attribute',
	'value',
	'request',
	'error',
	'request_update',
	'endpoint',
	'format',
	'photo',
	'note'
]);

function spark(node: unknown): unknown {
	if (node === '' || node === undefined) return null;
	if (typeof node !== 'object' || node === null) return String(node);
	const entries = Object.entries(node as Record<string, unknown>);
	if (entries.length === 1 && REPEATED.has(entries[0][0]) && Array.isArray(entries[0][1]))
		return (entries[0][1] as unknown[]).map(spark);
	return Object.fromEntries(entries.map(([k, v]) => [k, spark(v)]));
}

/** The root element's content of an XML answer, under the Spark mapping. */
export function xmlAsSpark(xml: string): unknown {
	const parser = new XMLParser({
		ignoreDeclaration: true,
		parseTagValue: false,
		trimValues: false,
		// `value` repeats inside `values` (definitions) but is a leaf in a request's extended `attributes`.
		isArray: (name, jPath) => REPEATED.has(name) && (name !== 'value' || String(jPath).endsWith('values.value'))
	});
	const doc = parser.parse(xml) as Record<string, unknown>;
	const [root] = Object.values(doc);
	return spark(root);
}

/** JSON with scalars as strings and empty lists as null: what XML can express. */
export function jsonAsSpark(value: unknown): unknown {
	if (value === null) return null;
	if (Array.isArray(value)) return value.length === 0 ? null : value.map(jsonAsSpark);
	if (typeof value === 'object')
		return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, jsonAsSpark(v)]));
	return value === '' ? null : String(value);
}
