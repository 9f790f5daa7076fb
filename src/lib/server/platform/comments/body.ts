/**
 * Comment text: plain text with paragraphs, links and mentions. Mentions are written `@` + the person's display
 * name (works without JavaScript); the server recognises names of people taking part in the discussion and stores
 * their ids. Rendering escapes everything and only produces <p>, <br>, <a> and <strong class="mention">.
 */
import type { CommentMention } from '../db/schema/comments.ts';

export interface MentionCandidate {
	userId: string;
	name: string;
}

const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{N}_]/u.test(ch);

/** The candidate whose name is written at `at` (just after an '@'), the longest one when names share a prefix. */
function nameAt(text: string, at: number, sorted: MentionCandidate[]): MentionCandidate | null {
	for (const c of sorted) {
		const name = c.name.trim();
		if (!name) continue;
		const written = text.slice(at, at + name.length);
		if (written.localeCompare(name, 'ro', { sensitivity: 'base' }) === 0 && !isWordChar(text[at + name.length]))
			return { userId: c.userId, name: written };
	}
	return null;
}

const longestFirst = (cs: MentionCandidate[]) => [...cs].sort((a, b) => b.name.length - a.name.length);

/** The people mentioned in `text` (each once), among `candidates`. An e-mail address is not a mention. */
export function parseMentions(text: string, candidates: MentionCandidate[]): CommentMention[] {
	const sorted = longestFirst(candidates);
	const found = new Map<string, CommentMention>();
	for (let i = 0; i < text.length; i++) {
		if (text[i] !== '@' || isWordChar(text[i - 1])) continue;
		const c = nameAt(text, i + 1, sorted);
		if (c && !found.has(c.userId)) found.set(c.userId, c);
	}
	return [...found.values()];
}

const escapeHtml = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const urlAt = /https?:\/\/[^\s<>"']+/y;

/** Safe HTML for a comment body: escaped text, paragraphs, line breaks, http(s) links and highlighted mentions. */
export function renderCommentBody(text: string, mentions: CommentMention[] = []): string {
	const sorted = longestFirst(mentions.map((m) => ({ userId: m.userId, name: m.name })));
	const paragraphs = text
		.replace(/\r\n?/g, '\n')
		.trim()
		.split(/\n{2,}/)
		.filter((p) => p.trim());
	return paragraphs.map((p) => `<p>${renderInline(p.trim(), sorted)}</p>`).join('');
}

function renderInline(text: string, mentions: MentionCandidate[]): string {
	let out = '';
	let plain = '';
	const flush = () => {
		out += escapeHtml(plain).replace(/\n/g, '<br>');
		plain = '';
	};
	for (let i = 0; i < text.length;) {
		if ((text[i] === 'h' || text[i] === 'H') && !isWordChar(text[i - 1])) {
			urlAt.lastIndex = i;
			const match = urlAt.exec(text);
			if (match) {
				// Trailing punctuation belongs to the sentence, not the address.
				const url = match[0].replace(/[.,;:!?)\]]+$/, '');
				flush();
				out += `<a href="${escapeHtml(url)}" rel="nofollow ugc noopener noreferrer">${escapeHtml(url)}</a>`;
				i += url.length;
				continue;
			}
		}
		if (text[i] === '@' && !isWordChar(text[i - 1])) {
			const c = nameAt(text, i + 1, mentions);
			if (c) {
				flush();
				out += `<strong class="mention">@${escapeHtml(c.name)}</strong>`;
				i += 1 + c.name.length;
				continue;
			}
		}
		plain += text[i];
		i++;
	}
	flush();
	return out;
}

/** A short plain excerpt (notifications, moderation queue). */
export function excerpt(text: string, max = 140): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
