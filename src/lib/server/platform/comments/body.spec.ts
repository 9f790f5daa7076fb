import { describe, expect, it } from 'vitest';
import { excerpt, parseMentions, renderCommentBody } from './body.ts';

const people = [
	{ userId: 'u1', name: 'Ana Popescu' },
	{ userId: 'u2', name: 'Ana' },
	{ userId: 'u3', name: 'Ștefan Ionescu' }
];

describe('parseMentions', () => {
	it('finds people by display name after @, the longest name first, each once', () => {
		expect(parseMentions('Salut @Ana Popescu și @Ana! Și iar @ana popescu.', people)).toEqual([
			{ userId: 'u1', name: 'Ana Popescu' },
			{ userId: 'u2', name: 'Ana' }
		]);
	});
	it('ignores e-mail addresses, names that continue into another word, and strangers', () => {
		expect(parseMentions('scrie la ana@exemplu.ro sau @Anastasia sau @Mihai', people)).toEqual([]);
	});
	it('matches diacritics case-insensitively and keeps the text as written', () => {
		expect(parseMentions('(@ștefan ionescu)', people)).toEqual([{ userId: 'u3', name: 'ștefan ionescu' }]);
	});
});

describe('renderCommentBody', () => {
	it('escapes HTML and keeps paragraphs and line breaks', () => {
		expect(renderCommentBody('<script>alert(1)</script>\nrândul 2\n\n"al doilea" & \'gata\'')).toBe(
			'<p>&lt;script&gt;alert(1)&lt;/script&gt;<br>rândul 2</p><p>&quot;al doilea&quot; &amp; &#39;gata&#39;</p>'
		);
	});
	it('links http(s) addresses without the trailing punctuation, never javascript: ones', () => {
		expect(renderCommentBody('Vezi https://primariatm.ro/a?b=1&c=2. Și javascript:alert(1)')).toBe(
			'<p>Vezi <a href="https://primariatm.ro/a?b=1&amp;c=2" rel="nofollow ugc noopener noreferrer">https://primariatm.ro/a?b=1&amp;c=2</a>. Și javascript:alert(1)</p>'
		);
	});
	it('does not let a crafted URL break out of the attribute', () => {
		const html = renderCommentBody('https://x.ro/"onmouseover="alert(1)');
		expect(html).not.toContain('"onmouseover');
		expect(html).toContain('href="https://x.ro/"');
	});
	it('highlights stored mentions only', () => {
		expect(renderCommentBody('@Ana Popescu are dreptate, @Mihai nu', [{ userId: 'u1', name: 'Ana Popescu' }])).toBe(
			'<p><strong class="mention">@Ana Popescu</strong> are dreptate, @Mihai nu</p>'
		);
	});
});

describe('excerpt', () => {
	it('flattens whitespace and cuts long text with an ellipsis', () => {
		expect(excerpt('a\n\n b', 10)).toBe('a b');
		expect(excerpt('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
	});
});
