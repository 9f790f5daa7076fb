import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown.ts';

describe('page bodies in Markdown', () => {
	it('render headings, lists, emphasis and links', () => {
		const html = renderMarkdown('## Calendar\n\n- **1 martie**: start\n- [Regulament](https://primariatm.ro/r)');
		expect(html).toContain('<h2>Calendar</h2>');
		expect(html).toContain('<strong>1 martie</strong>');
		expect(html).toContain('<a href="https://primariatm.ro/r">Regulament</a>');
	});

	it('drop scripts, event handlers and javascript: links', () => {
		const html = renderMarkdown(
			'<script>alert(1)</script>\n\n<img src="https://x/y.png" onerror="alert(1)">\n\n[x](javascript:alert(1))'
		);
		expect(html).not.toMatch(/script|onerror|javascript:/);
	});

	it('turn a level-one heading into level two (the page title is the only h1)', () => {
		expect(renderMarkdown('# Titlu')).toBe('<h2>Titlu</h2>\n');
	});

	it('give plain text for search', () => {
		expect(markdownToText('## Despre\n\nBugetul **școlilor**.')).toBe('Despre Bugetul școlilor.');
	});
});
