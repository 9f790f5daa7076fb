/** Renders meeting texts (description, rules, minutes: Markdown written by staff) to sanitised HTML. */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const allowedTags = [
	...['h2', 'h3', 'h4', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 'a', 'img'],
	...['ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption']
];

export function renderMarkdown(source: string): string {
	const html = marked.parse(source ?? '') as string;
	return sanitizeHtml(html, {
		allowedTags,
		allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], th: ['scope'], td: [] },
		allowedSchemes: ['https', 'http', 'mailto', 'tel'],
		allowedSchemesByTag: { img: ['https'] },
		allowProtocolRelative: false,
		// The meeting page's h1 is its title: headings inside a body start one level down.
		transformTags: { h1: 'h2' }
	});
}

/** Plain text of a Markdown body, for search documents and summaries. */
export function markdownToText(source: string): string {
	return sanitizeHtml(marked.parse(source ?? '') as string, { allowedTags: [], allowedAttributes: {} })
		.replace(/\s+/g, ' ')
		.trim();
}
