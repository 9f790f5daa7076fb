import { describe, expect, it } from 'vitest';
import { attachPersonalParts } from './shared-pages.ts';

describe('attaching a person’s parts to a page served shared', () => {
	it('puts them before </body> as inline JSON that no text can break out of, and makes the answer private', async () => {
		const shared = new TextEncoder().encode('<html><body><main>Propuneri</main></body></html>');
		const sharedHeaders = new Headers({
			'content-type': 'text/html',
			etag: '"abc"',
			'content-security-policy': "script-src 'nonce-n1'",
			'x-vocea-cache': 'hit'
		});
		const parts = { me: { name: 'Ana </script><script>alert(1)</script>' }, page: { supported: ['p1'] } };
		const answer = attachPersonalParts(shared, sharedHeaders, parts);
		const html = await answer.text();
		expect(html).toMatch(/^<html><body><main>Propuneri<\/main><script type="application\/json" id="vocea-personal">/);
		expect(html.endsWith('</script></body></html>')).toBe(true);
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		const json = html.slice(html.indexOf('">') + 2, html.lastIndexOf('</script>'));
		expect(JSON.parse(json)).toEqual(parts);
		expect(answer.headers.get('cache-control')).toBe('private, no-store');
		expect(answer.headers.get('etag')).toBeNull();
		expect(answer.headers.get('content-security-policy')).toBe("script-src 'nonce-n1'");
		expect(answer.headers.get('x-vocea-cache')).toBe('hit');
	});
});
