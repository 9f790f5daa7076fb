/**
 * Builds an Atom 1.0 (RFC 4287) document from feed entries. Hand-written rather than a library: the format is
 * small, and escaping is the only hard part (tested by parsing the output back).
 *
 * Usage: `atomFeed({ id, title, updated, selfUrl, alternateUrl, entries: [{ id, title, updated, url, summary }] })`
 * and answer it with `new Response(xml, { headers: { 'content-type': ATOM_CONTENT_TYPE } })`.
 */

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

/** One item of a feed; modules return these from their manifest's `feed()`. */
export type FeedEntry = {
	/** A stable, unique IRI: use the absolute URL of the resource (or `urn:vocea:<type>:<id>`). */
	id: string;
	title: string;
	updated: Date;
	published?: Date;
	/** Absolute URL of the page a reader opens. */
	url: string;
	/** Plain text summary. */
	summary?: string;
	/** HTML content (already sanitised); sent escaped as `type="html"`. */
	contentHtml?: string;
	author?: string;
	/** E.g. the module kind ("news", "proposals", "phase"). */
	category?: string;
};

export type AtomFeed = {
	id: string;
	title: string;
	subtitle?: string;
	/** Defaults to the newest entry's date (or the Unix epoch for an empty feed, so output stays deterministic). */
	updated?: Date;
	selfUrl: string;
	alternateUrl: string;
	language?: string;
	/** Feed-level author; Atom requires one when an entry has none. */
	author?: string;
	entries: FeedEntry[];
};

// XML 1.0 forbids most C0 controls even as character references: drop them rather than emit an invalid document.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for XML element content and double-quoted attribute values. */
export function escapeXml(value: string): string {
	return value
		.replace(INVALID_XML_CHARS, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

const date = (d: Date) => d.toISOString();

function entryXml(e: FeedEntry, fallbackAuthor: string): string {
	const lines = [
		'  <entry>',
		`    <id>${escapeXml(e.id)}</id>`,
		`    <title type="text">${escapeXml(e.title)}</title>`,
		`    <updated>${date(e.updated)}</updated>`
	];
	if (e.published) lines.push(`    <published>${date(e.published)}</published>`);
	lines.push(`    <link rel="alternate" type="text/html" href="${escapeXml(e.url)}"/>`);
	lines.push(`    <author><name>${escapeXml(e.author ?? fallbackAuthor)}</name></author>`);
	if (e.category) lines.push(`    <category term="${escapeXml(e.category)}"/>`);
	if (e.summary) lines.push(`    <summary type="text">${escapeXml(e.summary)}</summary>`);
	if (e.contentHtml) lines.push(`    <content type="html">${escapeXml(e.contentHtml)}</content>`);
	lines.push('  </entry>');
	return lines.join('\n');
}

/** The whole document; entries are sorted newest first. */
export function atomFeed(feed: AtomFeed): string {
	const entries = [...feed.entries].sort((a, b) => b.updated.getTime() - a.updated.getTime());
	const updated = feed.updated ?? entries[0]?.updated ?? new Date(0);
	const author = feed.author ?? feed.title;
	const head = [
		'<?xml version="1.0" encoding="utf-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom"${feed.language ? ` xml:lang="${escapeXml(feed.language)}"` : ''}>`,
		`  <id>${escapeXml(feed.id)}</id>`,
		`  <title type="text">${escapeXml(feed.title)}</title>`
	];
	if (feed.subtitle) head.push(`  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`);
	head.push(
		`  <updated>${date(updated)}</updated>`,
		`  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>`,
		`  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>`,
		`  <author><name>${escapeXml(author)}</name></author>`,
		'  <generator>Vocea</generator>'
	);
	return [...head, ...entries.map((e) => entryXml(e, author)), '</feed>', ''].join('\n');
}
