import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/actors/actor.ts';
import { contrastRatio, textColourFor } from './colours.ts';
import { readListQuery } from './forms.ts';
import { markdownToText, renderCitizenMarkdown } from '../../platform/text/markdown.ts';
import { editDecision, isQualified, withdrawDecision } from './rules.ts';

const author = { kind: 'user', id: 'u1' } as Actor;
const other = { kind: 'user', id: 'u2' } as Actor;
const created = new Date('2026-03-01T10:00:00Z');
const proposal = { authorId: 'u1', state: 'published', withdrawnAt: null, createdAt: created };
const at = (minutes: number) => new Date(created.getTime() + minutes * 60_000);

describe('editing a proposal', () => {
	it('is open to its author until the edit window closes', () => {
		expect(editDecision(author, proposal, { editWindowMinutes: 60 }, at(59)).allowed).toBe(true);
		expect(editDecision(author, proposal, { editWindowMinutes: 60 }, at(60))).toEqual({
			allowed: false,
			reason: 'proposals_edit_window_closed'
		});
		expect(editDecision(author, proposal, { editWindowMinutes: 0 }, at(0)).allowed).toBe(false);
	});

	it('is closed to anyone else, and once answered or withdrawn', () => {
		expect(editDecision(other, proposal, { editWindowMinutes: 60 }, at(1)).allowed).toBe(false);
		expect(editDecision({ kind: 'anonymous', context: {} }, proposal, { editWindowMinutes: 60 }, at(1)).allowed).toBe(
			false
		);
		expect(editDecision(author, { ...proposal, state: 'evaluating' }, { editWindowMinutes: 60 }, at(1)).allowed).toBe(
			false
		);
		expect(editDecision(author, { ...proposal, withdrawnAt: at(1) }, { editWindowMinutes: 60 }, at(2)).allowed).toBe(
			false
		);
	});
});

describe('withdrawing a proposal', () => {
	it('is for its author, until a final answer', () => {
		expect(withdrawDecision(author, proposal).allowed).toBe(true);
		expect(withdrawDecision(author, { ...proposal, state: 'evaluating' }).allowed).toBe(true);
		expect(withdrawDecision(author, { ...proposal, state: 'accepted' }).allowed).toBe(false);
		expect(withdrawDecision(author, { ...proposal, state: 'rejected' }).allowed).toBe(false);
		expect(withdrawDecision(other, proposal).allowed).toBe(false);
		expect(withdrawDecision(author, { ...proposal, withdrawnAt: created }).allowed).toBe(false);
	});
});

describe('the support threshold', () => {
	it('qualifies at the threshold, never when there is none', () => {
		expect(isQualified(99, 100)).toBe(false);
		expect(isQualified(100, 100)).toBe(true);
		expect(isQualified(5000, 0)).toBe(false);
	});
});

describe('colours of custom states', () => {
	it('pick the text colour with the higher contrast, at least AA for large bold text', () => {
		expect(textColourFor('#ffdd00')).toBe('#000000');
		expect(textColourFor('#1d70b8')).toBe('#ffffff');
		expect(textColourFor('#00703c')).toBe('#ffffff');
		for (const bg of ['#ffdd00', '#1d70b8', '#d4351c', '#00703c', '#777777', '#f0f0f0', '#4c2c92'])
			expect(contrastRatio(bg, textColourFor(bg))).toBeGreaterThanOrEqual(4.5);
	});

	it('compute WCAG contrast ratios', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
	});
});

describe('proposal bodies written by citizens', () => {
	it('render Markdown without images, scripts or raw HTML, with user-content links', () => {
		const html = renderCitizenMarkdown(
			'# Titlu\n\n**Parc** nou\n\n![x](https://tracker.example/p.gif)\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[detalii](https://primariatm.ro) [rău](javascript:alert(1))'
		);
		expect(html).toContain('<h2>Titlu</h2>');
		expect(html).toContain('<strong>Parc</strong>');
		expect(html).toContain('<a href="https://primariatm.ro" rel="nofollow ugc noopener">detalii</a>');
		expect(html).not.toMatch(/<img|<script|onerror|javascript:/);
	});

	it('give plain text for search and exports', () => {
		expect(markdownToText('## Despre\n\nUn **parc** în Fabric.')).toBe('Despre Un parc în Fabric.');
	});
});

describe('the list query string', () => {
	it('keeps valid filters and falls back to defaults for nonsense', () => {
		const q = readListQuery(new URLSearchParams('sort=random&seed=42&page=3&q=parc&view=map&assigned=1'));
		expect(q).toMatchObject({ sort: 'random', seed: 42, page: 3, q: 'parc', view: 'map', assigned: true });
		const bad = readListQuery(new URLSearchParams('sort=evil&page=-4&seed=abc&view=x'));
		expect(bad).toMatchObject({ sort: 'newest', page: 1, seed: undefined, view: 'list', assigned: false });
	});
});
