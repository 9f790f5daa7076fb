/**
 * Renders a proposal body (Markdown written by a citizen) to safe HTML: no images (they would load third-party
 * content and could track readers), no raw HTML, links marked as user content (`rel="nofollow ugc noopener"`).
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: true, async: false });

const allowedTags = [
	...['h2', 'h3', 'h4', 'p', 'br', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 'a'],
	...['ul', 'ol', 'li']
];

export function renderProposalMarkdown(source: string): string {
	const html = marked.parse(source ?? '') as string;
	return sanitizeHtml(html, {
		allowedTags,
		allowedAttributes: { a: ['href', 'rel'] },
		allowedSchemes: ['https', 'http', 'mailto'],
		allowProtocolRelative: false,
		transformTags: {
			// The proposal title is the page's h1: headings in the body start at h2.
			h1: 'h2',
			a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' })
		}
	});
}

/** Plain text of a proposal body, for search documents, excerpts and exports. */
export function proposalText(source: string): string {
	return sanitizeHtml(marked.parse(source ?? '') as string, { allowedTags: [], allowedAttributes: {} })
		.replace(/\s+/g, ' ')
		.trim();
}
