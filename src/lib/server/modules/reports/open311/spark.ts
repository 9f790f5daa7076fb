/**
 * One internal model of an Open311 answer, rendered as XML or as JSON under the "Spark" convention
 * (standards.md §1.1): a container of repeated elements becomes a JSON array, a record an object, a leaf a scalar,
 * an empty leaf null. Every endpoint builds the model once, so the two formats cannot drift apart.
 */

/** A container of repeated elements, e.g. `<services><service>…</service></services>` ↔ `[…]`. */
export class SparkList {
	// Plain fields, not parameter properties: Node runs these files with type stripping only.
	readonly item: string;
	readonly items: SparkNode[];
	constructor(item: string, items: SparkNode[]) {
		this.item = item;
		this.items = items;
	}
}

export type SparkScalar = string | number | boolean | null;
export type SparkRecord = { [field: string]: SparkNode | undefined };
/** `undefined` fields are left out of both formats. */
export type SparkNode = SparkScalar | SparkList | SparkRecord;

export const list = (item: string, items: SparkNode[]) => new SparkList(item, items);

export type Open311Format = 'json' | 'xml';

/** The JSON value of a node. */
export function toJson(node: SparkNode): unknown {
	if (node instanceof SparkList) return node.items.map(toJson);
	if (node === null || typeof node !== 'object') return node;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(node)) if (v !== undefined) out[k] = toJson(v);
	return out;
}

// Characters XML 1.0 cannot carry at all (control characters other than tab and line breaks, lone surrogates).
const NOT_XML =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
	return text
		.replace(NOT_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

function element(tag: string, node: SparkNode, out: string[]): void {
	if (node === null || node === '') {
		out.push(`<${tag}/>`);
	} else if (node instanceof SparkList) {
		out.push(`<${tag}>`);
		for (const item of node.items) element(node.item, item, out);
		out.push(`</${tag}>`);
	} else if (typeof node === 'object') {
		out.push(`<${tag}>`);
		for (const [k, v] of Object.entries(node)) if (v !== undefined) element(k, v, out);
		out.push(`</${tag}>`);
	} else {
		out.push(`<${tag}>${escapeXml(String(node))}</${tag}>`);
	}
}

/** The XML document whose root element is `root` (no namespace, UTF-8). */
export function toXml(root: string, node: SparkNode): string {
	const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
	element(root, node, out);
	return out.join('') + '\n';
}

export const contentTypes: Record<Open311Format, string> = {
	json: 'application/json; charset=utf-8',
	xml: 'text/xml; charset=utf-8'
};

/** The HTTP response of a node in the requested format. */
export function sparkResponse(
	format: Open311Format,
	root: string,
	node: SparkNode,
	status = 200,
	headers: Record<string, string> = {}
): Response {
	const body = format === 'json' ? JSON.stringify(toJson(node)) : toXml(root, node);
	return new Response(body, { status, headers: { 'content-type': contentTypes[format], ...headers } });
}
