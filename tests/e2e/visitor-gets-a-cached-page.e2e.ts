import { describe, expect, it } from 'vitest';
import { baseURL } from './support/browser.ts';

// The shared page cache (src/lib/server/platform/http/page-cache.ts) as a client sees it, through the real hooks.
describe('a visitor gets a cached page', () => {
	it('serves a second anonymous request from the cache, never one carrying a session cookie', async () => {
		const get = (path: string, headers: Record<string, string> = {}) =>
			fetch(new URL(path, baseURL()), { headers: { accept: 'text/html', ...headers } });
		const path = `/?cache-probe=${Date.now()}`;
		const first = await get(path);
		expect(first.status).toBe(200);
		expect(first.headers.get('x-vocea-cache')).toBe('miss');
		const second = await get(path);
		expect(second.headers.get('x-vocea-cache')).toBe('hit');
		// The CSP nonce travels with the HTML it belongs to.
		const nonce = second.headers.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1];
		expect(nonce).toBeTruthy();
		expect(await second.text()).toContain(`nonce="${nonce}"`);
		const withSession = await get(path, { cookie: 'vocea.session_token=not-a-session' });
		expect(withSession.status).toBe(200);
		expect(withSession.headers.get('x-vocea-cache')).toBeNull();
		expect((await get('/account/sign-in')).headers.get('x-vocea-cache')).toBeNull();
	});
});
