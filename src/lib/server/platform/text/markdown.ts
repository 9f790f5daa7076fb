/**
 * Markdown to safe HTML, one way for the whole platform: staff texts (pages, news, meetings, consultations) may carry
 * tables and https images; citizen texts (proposals) get no images (they would load third-party content and could
 * track readers) and their links are marked as user content. Both drop raw HTML, scripts and styles.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const staffMarked = new Marked({ gfm: true, breaks: false, async: false });
const citizenMarked = new Marked({ gfm: true, breaks: true, async: false });

const staffTags = [
	...['h2', 'h3', 'h4', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 'a', 'img'],
	...['ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption']
];
const citizenTags = [
	...['h2', 'h3', 'h4', 'p', 'br', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 'a'],
	...['ul', 'ol', 'li']
];

/** A text written by staff on behalf of the city. The page's own h1 is its title: body headings start at h2. */
export function renderMarkdown(source: string): string {
	return sanitizeHtml(staffMarked.parse(source ?? '') as string, {
		allowedTags: staffTags,
		allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], th: ['scope'], td: [] },
		allowedSchemes: ['https', 'http', 'mailto', 'tel'],
		allowedSchemesByTag: { img: ['https'] },
		allowProtocolRelative: false,
		transformTags: { h1: 'h2' }
	});
}

/** A text written by a citizen: single newlines are kept, no images, links `rel="nofollow ugc noopener"`. */
export function renderCitizenMarkdown(source: string): string {
	return sanitizeHtml(citizenMarked.parse(source ?? '') as string, {
		allowedTags: citizenTags,
		allowedAttributes: { a: ['href', 'rel'] },
		allowedSchemes: ['https', 'http', 'mailto'],
		allowProtocolRelative: false,
		transformTags: { h1: 'h2', a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }) }
	});
}

/** Plain text of a Markdown body, for search documents, excerpts and exports. */
export function markdownToText(source: string): string {
	return sanitizeHtml(staffMarked.parse(source ?? '') as string, { allowedTags: [], allowedAttributes: {} })
		.replace(/\s+/g, ' ')
		.trim();
}
