import { describe, expect, it } from 'vitest';
import { crossSiteForm } from './csrf.ts';

const post = (headers: Record<string, string>, method = 'POST') =>
	new Request('http://127.0.0.1:3000/x', { method, headers, body: method === 'GET' ? undefined : 'a=1' });

describe('crossSiteForm (the hook that replaces Kit’s own check)', () => {
	it('refuses a form post from another origin or with no origin, as Kit does', () => {
		const type = { 'content-type': 'application/x-www-form-urlencoded' };
		expect(crossSiteForm(post({ ...type, origin: 'http://evil.example' }), 'http://127.0.0.1:3000')).toBe(true);
		expect(crossSiteForm(post(type), 'http://127.0.0.1:3000')).toBe(true);
		expect(crossSiteForm(post({ 'content-type': 'multipart/form-data; boundary=x' }), 'http://127.0.0.1:3000')).toBe(
			true
		);
		expect(crossSiteForm(post({ 'content-type': 'text/plain' }), 'http://127.0.0.1:3000')).toBe(true);
	});
	it('lets same-origin forms, JSON bodies and reads through', () => {
		expect(
			crossSiteForm(
				post({ 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1:3000' }),
				'http://127.0.0.1:3000'
			)
		).toBe(false);
		expect(crossSiteForm(post({ 'content-type': 'application/json' }), 'http://127.0.0.1:3000')).toBe(false);
		expect(crossSiteForm(new Request('http://127.0.0.1:3000/x'), 'http://127.0.0.1:3000')).toBe(false);
	});
});
