import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { clearSharedData, sharedData } from './shared-data.ts';
import { PageCache, cacheableRequest, cacheableResponse, pageCacheHandle } from './page-cache.ts';

const locales = ['ro', 'en', 'hu', 'de', 'sr', 'uk'];
const req = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) => ({
	method: init.method ?? 'GET',
	url: `http://x${url}`,
	headers: new Headers(init.headers)
});
const html = (headers: Record<string, string> = {}, status = 200) => ({
	status,
	headers: new Headers({ 'content-type': 'text/html', ...headers })
});

describe('which requests may use the shared page cache', () => {
	it('takes anonymous GET and HEAD of public pages, with or without the locale cookie', () => {
		expect(cacheableRequest(req('/processes/x?page=2'), locales)).toBe(true);
		expect(cacheableRequest(req('/en/processes/x', { method: 'HEAD' }), locales)).toBe(true);
		expect(cacheableRequest(req('/', { headers: { cookie: 'PARAGLIDE_LOCALE=en' } }), locales)).toBe(true);
		expect(cacheableRequest(req('/', { headers: { accept: 'text/html,*/*;q=0.8' } }), locales)).toBe(true);
		// The mark that the browser runs our JavaScript (ADR 0007) is harmless too.
		expect(cacheableRequest(req('/', { headers: { cookie: 'vocea_js=1; PARAGLIDE_LOCALE=en' } }), locales)).toBe(true);
	});

	it('refuses anyone with a session or any other cookie, other methods, and SvelteKit data requests', () => {
		expect(cacheableRequest(req('/', { headers: { cookie: 'vocea.session_token=abc' } }), locales)).toBe(false);
		expect(cacheableRequest(req('/', { headers: { cookie: 'PARAGLIDE_LOCALE=en; other=1' } }), locales)).toBe(false);
		expect(cacheableRequest(req('/', { headers: { authorization: 'Bearer t' } }), locales)).toBe(false);
		expect(cacheableRequest(req('/', { method: 'POST' }), locales)).toBe(false);
		expect(cacheableRequest(req('/processes/x/__data.json'), locales)).toBe(false);
		// Other clients may share answers too (kept apart from browsers' by the accept class of the key).
		expect(cacheableRequest(req('/open311/v2/requests.json', { headers: { accept: 'application/json' } }))).toBe(true);
	});

	it('never caches the personal, test, API, feed and health areas, in any locale', () => {
		for (const p of ['/admin', '/admin/processes', '/account/profile', '/test-hooks/outbox', '/api/v1/processes'])
			expect(cacheableRequest(req(p), locales), p).toBe(false);
		for (const p of ['/feeds/consultations.atom', '/files/f1', '/healthz', '/metrics', '/en/admin', '/hu/account'])
			expect(cacheableRequest(req(p), locales), p).toBe(false);
		expect(cacheableRequest(req('/administration-news'), locales)).toBe(true);
	});
});

describe('which responses may be shared', () => {
	it('takes plain 200 HTML, and other answers only when they say Cache-Control: public', () => {
		expect(cacheableResponse(html())).toBe(true);
		expect(cacheableResponse(html({}, 404))).toBe(false);
		const data = (headers: Record<string, string>) => ({
			status: 200,
			headers: new Headers({ 'content-type': 'application/json', ...headers })
		});
		expect(cacheableResponse(data({}))).toBe(false);
		expect(cacheableResponse(data({ 'cache-control': 'max-age=60' }))).toBe(false);
		expect(cacheableResponse(data({ 'cache-control': 'public, max-age=10' }))).toBe(true);
		expect(cacheableResponse(data({ 'cache-control': 'public', 'content-length': String(3 * 1024 * 1024) }))).toBe(
			false
		);
		expect(cacheableResponse(data({ 'cache-control': 'public', 'set-cookie': 'a=1' }))).toBe(false);
		expect(cacheableResponse(html({ 'set-cookie': 'a=1' }))).toBe(false);
		expect(cacheableResponse(html({ 'cache-control': 'private, max-age=0' }))).toBe(false);
		expect(cacheableResponse(html({ 'cache-control': 'no-store' }))).toBe(false);
		expect(cacheableResponse(html({ vary: 'Cookie' }))).toBe(false);
	});
});

describe('PageCache', () => {
	const page = (bytes: number, expiresAt = 10_000) => ({
		status: 200,
		headers: [] as [string, string][],
		body: new Uint8Array(bytes),
		expiresAt
	});

	it('expires entries after their time', () => {
		const cache = new PageCache();
		cache.set('a', page(10, 1000));
		expect(cache.get('a', 999)).toBeDefined();
		expect(cache.get('a', 1000)).toBeUndefined();
		expect(cache.size).toBe(0);
	});

	it('evicts the least recently used entry when over the entry or byte limit', () => {
		const cache = new PageCache(2, 100);
		cache.set('a', page(10));
		cache.set('b', page(10));
		cache.get('a', 0);
		cache.set('c', page(10));
		expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)].map(Boolean)).toEqual([true, false, true]);
		cache.set('d', page(95));
		expect(cache.size).toBe(1);
		expect(cache.bytes).toBe(95);
		cache.set('huge', page(101));
		expect(cache.get('huge', 0)).toBeUndefined();
	});
});

describe('pageCacheHandle', () => {
	function setup(ttl = 2) {
		let rendered = 0;
		let clock = 0;
		let lastLocals: { locale: string; personalDeferred: boolean; sharedPage?: { body: Uint8Array } } | undefined;
		const handle = pageCacheHandle({ cache: new PageCache(), ttlSeconds: () => ttl, locales, now: () => clock });
		const call = (
			path: string,
			init: { method?: string; headers?: Record<string, string>; locale?: string; shared?: boolean } = {}
		) => {
			const request = new Request(`http://x${path}`, { method: init.method ?? 'GET', headers: init.headers });
			lastLocals = { locale: init.locale ?? 'ro', personalDeferred: init.shared ?? false };
			const event = { request, url: new URL(request.url), isDataRequest: false, locals: lastLocals } as never;
			return handle({
				event,
				resolve: async () => {
					rendered++;
					return new Response(`<p>render ${rendered}</p>`, {
						headers: {
							'content-type': 'text/html',
							'content-security-policy': `script-src 'nonce-n${rendered}'`
						}
					});
				}
			});
		};
		/** A page served shared leaves its bytes to shared-pages.ts (its response has no body). */
		const sharedBody = () => new TextDecoder().decode(lastLocals?.sharedPage?.body);
		return { call, rendered: () => rendered, tick: (ms: number) => (clock += ms), sharedBody };
	}

	it('serves a second anonymous request from the cache, with the headers (CSP nonce) it was rendered with', async () => {
		const s = setup();
		const first = await s.call('/processes/x');
		const second = await s.call('/processes/x');
		expect(s.rendered()).toBe(1);
		expect(first.headers.get('x-vocea-cache')).toBe('miss');
		expect(second.headers.get('x-vocea-cache')).toBe('hit');
		expect(await second.text()).toBe(await first.text());
		expect(second.headers.get('content-security-policy')).toBe("script-src 'nonce-n1'");
		const head = await s.call('/processes/x', { method: 'HEAD' });
		expect(head.status).toBe(200);
		expect(await head.text()).toBe('');
		expect(s.rendered()).toBe(1);
	});

	it('renders again for a signed-in visitor, another locale or query, after the TTL, and after a write', async () => {
		const s = setup();
		await s.call('/processes/x');
		const signedIn = await s.call('/processes/x', { headers: { cookie: 'vocea.session_token=t' } });
		expect(signedIn.headers.get('x-vocea-cache')).toBeNull();
		expect(s.rendered()).toBe(2);
		await s.call('/processes/x', { locale: 'en' });
		await s.call('/processes/x?page=2');
		expect(s.rendered()).toBe(4);
		s.tick(2000);
		await s.call('/processes/x');
		expect(s.rendered()).toBe(5);
		await s.call('/processes/x');
		expect(s.rendered()).toBe(5);
		await s.call('/comments/new', { method: 'POST' });
		await s.call('/processes/x');
		expect(s.rendered()).toBe(7);
	});

	it('keeps the page served shared to signed-in visitors (ADR 0007) apart from the anonymous one', async () => {
		const s = setup();
		const session = { cookie: 'vocea.session_token=t; vocea_js=1' };
		await s.call('/processes/x');
		const first = await s.call('/processes/x', { headers: session, shared: true });
		expect(first.headers.get('x-vocea-cache')).toBe('miss');
		expect(await first.text()).toBe('');
		expect(s.sharedBody()).toBe('<p>render 2</p>');
		const again = await s.call('/processes/x', {
			headers: { cookie: 'vocea.session_token=u; vocea_js=1' },
			shared: true
		});
		expect(again.headers.get('x-vocea-cache')).toBe('hit');
		expect(s.sharedBody()).toBe('<p>render 2</p>');
		expect(await (await s.call('/processes/x')).text()).toBe('<p>render 1</p>');
		// Without the hooks' decision, a session cookie still means a page rendered for the person.
		expect((await s.call('/processes/x', { headers: session })).headers.get('x-vocea-cache')).toBeNull();
		expect(s.rendered()).toBe(3);
	});

	it('renders a page once for concurrent anonymous visitors, and lets them render if it cannot be shared', async () => {
		const s = setup();
		const answers = await Promise.all([s.call('/p'), s.call('/p'), s.call('/p')]);
		expect(s.rendered()).toBe(1);
		expect(new Set(await Promise.all(answers.map((a) => a.text())))).toEqual(new Set(['<p>render 1</p>']));
		await Promise.all([s.call('/q', { method: 'HEAD' }), s.call('/q')]);
		expect(s.rendered()).toBe(3);
	});

	it('shares a public data answer, apart from what browsers asking for HTML get at the same path', async () => {
		let rendered = 0;
		const handle = pageCacheHandle({ cache: new PageCache(), ttlSeconds: () => 2, locales, now: () => 0 });
		const call = (accept?: string, control = 'public, max-age=10') => {
			const request = new Request('http://x/open311/v2/requests.json?bbox=1,2,3,4', {
				headers: accept ? { accept } : {}
			});
			const event = { request, url: new URL(request.url), isDataRequest: false, locals: { locale: 'ro' } } as never;
			return handle({
				event,
				resolve: async () =>
					new Response(`[${++rendered}]`, {
						headers: { 'content-type': 'application/json', 'cache-control': control }
					})
			});
		};
		expect(await (await call()).text()).toBe('[1]');
		const again = await call('application/json');
		expect(again.headers.get('x-vocea-cache')).toBe('hit');
		expect(await again.text()).toBe('[1]');
		expect(again.headers.get('content-type')).toBe('application/json');
		expect(await (await call('text/html')).text()).toBe('[2]');
		expect(await (await call('text/html')).text()).toBe('[2]');
		expect(rendered).toBe(2);
	});

	it('sends a cached text answer gzipped to clients that accept it, compressed once', async () => {
		const body = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, status: 'open' })));
		let rendered = 0;
		const handle = pageCacheHandle({ cache: new PageCache(), ttlSeconds: () => 2, locales, now: () => 0 });
		const call = (headers: Record<string, string> = {}) => {
			const request = new Request('http://x/reports/map.json?bbox=1,2,3,4', { headers });
			const event = { request, url: new URL(request.url), isDataRequest: false, locals: { locale: 'ro' } } as never;
			return handle({
				event,
				resolve: async () => {
					rendered++;
					return new Response(body, {
						headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=10' }
					});
				}
			});
		};
		const gzip = { 'accept-encoding': 'gzip, deflate, br' };
		const miss = await call(gzip);
		expect(miss.headers.get('content-encoding')).toBeNull();
		expect(await miss.text()).toBe(body);
		const hit = await call(gzip);
		expect(hit.headers.get('content-encoding')).toBe('gzip');
		expect(hit.headers.get('vary')).toMatch(/Accept-Encoding/);
		const bytes = new Uint8Array(await hit.arrayBuffer());
		expect(bytes.byteLength).toBeLessThan(body.length / 4);
		expect(gunzipSync(bytes).toString('utf8')).toBe(body);
		const plain = await call();
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe(body);
		expect(rendered).toBe(1);
	});

	it('is off with a TTL of 0', async () => {
		const s = setup(0);
		await s.call('/');
		const again = await s.call('/');
		expect(again.headers.get('x-vocea-cache')).toBeNull();
		expect(s.rendered()).toBe(2);
	});
});

describe('pageCacheHandle and the shared data of signed-in pages', () => {
	it('lets signed-in reads share page data, but not the personal areas, and empties it on any write', async () => {
		let reads = 0;
		const handle = pageCacheHandle({ cache: new PageCache(), ttlSeconds: () => 2, locales });
		const call = (path: string, method = 'GET') => {
			const request = new Request(`http://x${path}`, { method, headers: { cookie: 'vocea.session_token=t' } });
			const event = { request, url: new URL(request.url), isDataRequest: false, locals: { locale: 'ro' } } as never;
			return handle({
				event,
				resolve: async () => {
					const value = await sharedData('process:x', async () => ++reads);
					return new Response(`<p>${value}</p>`, { headers: { 'content-type': 'text/html' } });
				}
			});
		};
		expect(await (await call('/processes/x')).text()).toBe('<p>1</p>');
		expect(await (await call('/en/processes/x/proposals')).text()).toBe('<p>1</p>');
		expect(await (await call('/account')).text()).toBe('<p>2</p>');
		expect(await (await call('/processes/x')).text()).toBe('<p>1</p>');
		await call('/processes/x/proposals/m/new', 'POST');
		expect(await (await call('/processes/x')).text()).toBe('<p>4</p>');
		clearSharedData();
	});

	it('keeps both caches after a write that changed nothing shared (a ballot cast sets locals.sharedUnchanged)', async () => {
		let reads = 0;
		const handle = pageCacheHandle({ cache: new PageCache(), ttlSeconds: () => 2, locales });
		const call = (path: string, method = 'GET', sharedUnchanged = false) => {
			const request = new Request(`http://x${path}`, { method });
			const locals = { locale: 'ro' } as { locale: string; sharedUnchanged?: boolean };
			const event = { request, url: new URL(request.url), isDataRequest: false, locals } as never;
			return handle({
				event,
				resolve: async () => {
					if (method === 'POST') {
						locals.sharedUnchanged = sharedUnchanged;
						return new Response(null, { status: 303, headers: { location: '/receipt' } });
					}
					const value = await sharedData('edition:x', async () => ++reads);
					return new Response(`<p>${value}</p>`, { headers: { 'content-type': 'text/html' } });
				}
			});
		};
		expect(await (await call('/processes/x')).text()).toBe('<p>1</p>');
		await call('/processes/x/budgets/m/vote?/cast', 'POST', true);
		const kept = await call('/processes/x');
		expect(kept.headers.get('x-vocea-cache')).toBe('hit');
		expect(await (await call('/processes/x?zone=z')).text()).toBe('<p>1</p>');
		await call('/processes/x/budgets/m/vote?/cast', 'POST', false);
		expect(await (await call('/processes/x')).text()).toBe('<p>2</p>');
		clearSharedData();
	});
});
