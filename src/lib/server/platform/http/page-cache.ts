/**
 * A short-lived, in-process cache of rendered HTML pages for anonymous visitors (PAGE_CACHE_SECONDS, default 2), and of
 * the public answers of data endpoints that declare themselves shareable (`Cache-Control: public`: Open311 lists, the
 * reports map's data).
 */
import { gzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import type { Handle } from '@sveltejs/kit/hooks';
import { config } from '../config/env.ts';
import { clearSharedData, withSharedData } from './shared-data.ts';
import { JS_COOKIE } from '#lib/personal.ts';

/**
 * Paths whose answers are personal, for tests, or cached by their own rules (API, feeds, stored files — immutable,
 * cached by browsers and proxies for a year — health, benchmark).
 */
const NEVER_CACHED = [
	'/admin',
	'/account',
	'/test-hooks',
	'/api',
	'/feeds',
	'/files',
	'/healthz',
	'/metrics',
	'/bench'
];
/**
 * The only cookies an anonymous visitor may carry and still get a shared page: the locale (in the key) and the mark
 * that the browser runs our JavaScript (ADR 0007).
 */
const HARMLESS_COOKIES = new Set(['PARAGLIDE_LOCALE', JS_COOKIE]);
const MAX_ENTRIES = 1000;
const MAX_BYTES = 32 * 1024 * 1024;
/** Answers larger than this (a download) are not kept: a few would push out hundreds of pages. */
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;

export interface CachedPage {
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	expiresAt: number;
	/** The body gzipped, made at the first hit by a client that accepts it (never for an answer nobody asks twice). */
	gzip?: Uint8Array;
}

/** Text answers worth compressing (HTML, JSON, XML, GeoJSON), above a packet's size. */
const compressible = (page: CachedPage) =>
	page.body.byteLength > 1400 &&
	page.headers.some(([k, v]) => k === 'content-type' && /^(text\/|application\/([\w.+-]*json|[\w.+-]*xml))/.test(v));

/**
 * The gzipped body when the client accepts gzip: a cached answer is sent many times, so compressing it once saves
 * every later hit most of its bytes (a 150–580 KB Open311 list is ≈ 8× smaller; bench/reports). A proxy in front
 * leaves an encoded answer as it is.
 */
function gzipped(page: CachedPage, request: Request): Uint8Array | null {
	if (request.method !== 'GET' || !compressible(page)) return null;
	if (!/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) return null;
	page.gzip ??= gzipSync(page.body, { level: 6 });
	return page.gzip;
}

function underPrefix(pathname: string, prefix: string): boolean {
	return pathname === prefix || pathname.startsWith(prefix + '/');
}

/** Strips a locale prefix (`/en/...`) so the exclusions apply in every language. */
function withoutLocale(pathname: string, locales: readonly string[]): string {
	const first = pathname.split('/')[1];
	return first && locales.includes(first) ? pathname.slice(first.length + 1) || '/' : pathname;
}

/** Cookie names in a Cookie header. */
function cookieNames(header: string | null): string[] {
	if (!header) return [];
	return header
		.split(';')
		.map((p) => p.split('=')[0].trim())
		.filter(Boolean);
}

/**
 * Whether a request may be answered from (and fill) the shared cache: an anonymous GET/HEAD (no session cookie; in
 * fact no cookie at all but harmless ones) for an HTML page outside the personal and specially cached areas — or,
 * with `signedInShared`, a signed-in visitor's request for the page rendered for every signed-in visitor alike
 * (ADR 0007; the hooks decided so after reading the session, and the page is rendered for nobody in particular).
 */
export function cacheableRequest(
	request: { method: string; url: string; headers: Headers },
	locales: readonly string[] = [],
	signedInShared = false
): boolean {
	if (request.method !== 'GET' && request.method !== 'HEAD') return false;
	if (!signedInShared && cookieNames(request.headers.get('cookie')).some((n) => !HARMLESS_COOKIES.has(n))) return false;
	if (request.headers.has('authorization')) return false;
	const url = new URL(request.url);
	if (url.pathname.endsWith('/__data.json') || url.pathname.includes('/_app/')) return false;
	return !excludedPath(url.pathname, locales);
}

/** Whether a path is in the personal, test or specially cached areas (in any language). */
function excludedPath(pathname: string, locales: readonly string[]): boolean {
	const path = withoutLocale(pathname, locales);
	return NEVER_CACHED.some((p) => underPrefix(path, p));
}

/**
 * Whether a response may be shared: a 200 that sets no cookie and is not marked private — an HTML page, or any other
 * answer that says `Cache-Control: public` (a data endpoint declaring it the same for everyone).
 */
export function cacheableResponse(response: { status: number; headers: Headers }): boolean {
	if (response.status !== 200) return false;
	const control = response.headers.get('cache-control') ?? '';
	const page = (response.headers.get('content-type') ?? '').startsWith('text/html');
	if (!page && !/\bpublic\b/i.test(control)) return false;
	if (Number(response.headers.get('content-length') ?? 0) > MAX_ENTRY_BYTES) return false;
	if (response.headers.has('set-cookie')) return false;
	if (response.headers.has('vary') && response.headers.get('vary')!.toLowerCase().includes('cookie')) return false;
	return !/\b(private|no-store|no-cache)\b/i.test(control);
}

/**
 * Browsers asking for HTML and other clients may be answered differently by one path (a page and an endpoint beside
 * it), so they never share an entry.
 */
const acceptClass = (request: Request) =>
	(request.headers.get('accept') ?? '').includes('text/html') ? 'html' : 'any';

/** Least-recently-used map bounded by entries and by bytes; entries expire after their TTL. */
export class PageCache {
	#entries = new Map<string, CachedPage>();
	#bytes = 0;
	readonly maxEntries: number;
	readonly maxBytes: number;
	constructor(maxEntries = MAX_ENTRIES, maxBytes = MAX_BYTES) {
		this.maxEntries = maxEntries;
		this.maxBytes = maxBytes;
	}

	get size() {
		return this.#entries.size;
	}
	get bytes() {
		return this.#bytes;
	}

	get(key: string, now = Date.now()): CachedPage | undefined {
		const page = this.#entries.get(key);
		if (!page) return undefined;
		this.#delete(key);
		if (page.expiresAt <= now) return undefined;
		this.#entries.set(key, page); // most recently used goes last
		this.#bytes += page.body.byteLength;
		return page;
	}

	set(key: string, page: CachedPage): void {
		this.#delete(key);
		if (page.body.byteLength > Math.min(this.maxBytes, MAX_ENTRY_BYTES)) return;
		this.#entries.set(key, page);
		this.#bytes += page.body.byteLength;
		// Map iteration order is insertion order: the first key is the least recently used.
		for (const oldest of this.#entries.keys()) {
			if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
			this.#delete(oldest);
		}
	}

	clear(): void {
		this.#entries.clear();
		this.#bytes = 0;
	}

	#delete(key: string) {
		const page = this.#entries.get(key);
		if (!page) return;
		this.#entries.delete(key);
		this.#bytes -= page.body.byteLength;
	}
}

function toResponse(page: CachedPage, event: RequestEvent, ageSeconds: number, state = 'hit'): Response {
	const headers = new Headers(page.headers);
	headers.set('age', String(ageSeconds));
	headers.set('x-vocea-cache', state);
	// A page served shared to a signed-in visitor is completed with their parts by shared-pages.ts from the bytes.
	if (event.locals.personalDeferred) {
		event.locals.sharedPage = { body: page.body };
		return new Response(null, { status: page.status, headers });
	}
	if (compressible(page)) headers.append('vary', 'Accept-Encoding');
	const gzip = state === 'hit' ? gzipped(page, event.request) : null;
	if (gzip) {
		headers.set('content-encoding', 'gzip');
		headers.delete('content-length');
	}
	const body = event.request.method === 'HEAD' ? null : ((gzip ?? page.body) as BodyInit);
	return new Response(body, { status: page.status, headers });
}

/**
 * The hook (after the locale is resolved, before the session is read). Any other method (a form post, a sign-in)
 * empties this process's cache (unless it set `locals.sharedUnchanged`: a ballot cast), so a change made through this process shows at once; other processes and changes
 * made by jobs show within the TTL. The CSP header is cached with the HTML: with `csp.mode: 'auto'` its nonce is
 * in both, so they must travel together (a nonce then serves every anonymous visitor for up to the TTL).
 */
export function pageCacheHandle(options: {
	cache?: PageCache;
	ttlSeconds?: () => number;
	locales?: readonly string[];
	now?: () => number;
}): Handle {
	const cache = options.cache ?? new PageCache();
	const ttlSeconds = options.ttlSeconds ?? config.pageCacheSeconds;
	const now = options.now ?? Date.now;
	const locales = options.locales ?? [];
	const rendering = new Map<string, Promise<CachedPage | null>>();
	return async ({ event, resolve }) => {
		const ttl = ttlSeconds();
		if (ttl <= 0) return resolve(event);
		const reading = event.request.method === 'GET' || event.request.method === 'HEAD';
		const signedInShared = event.locals.personalDeferred === true;
		if (!cacheableRequest(event.request, locales, signedInShared) || event.isDataRequest) {
			// Signed-in pages are rendered for each person, but the data they share with everyone comes from the
			// shared data cache (shared-data.ts); never in the personal and test areas.
			if (reading && !excludedPath(event.url.pathname, locales)) return withSharedData(ttl, () => resolve(event));
			const response = await resolve(event);
			if (!reading && !event.locals.sharedUnchanged) {
				cache.clear();
				clearSharedData();
			}
			return response;
		}
		// The page served shared to signed-in visitors differs from the anonymous one (its person is attached later).
		const key = `${signedInShared ? 'signed-in' : 'anonymous'}\n${event.locals.locale}\n${acceptClass(event.request)}\n${event.url.pathname}${event.url.search}`;
		const hit = cache.get(key, now());
		if (hit) return toResponse(hit, event, Math.floor((now() - (hit.expiresAt - ttl * 1000)) / 1000));
		// When an entry expires under load, every concurrent visitor would render the same page at once (measured: a
		// long thread's p95 went to ~500 ms). The first renders; the others wait for its result.
		const inflight = rendering.get(key);
		if (inflight) {
			const page = await inflight;
			return page ? toResponse(page, event, 0) : resolve(event);
		}
		let settle: (page: CachedPage | null) => void = () => {};
		rendering.set(key, new Promise((r) => (settle = r)));
		try {
			const response = await withSharedData(ttl, () => resolve(event));
			if (event.request.method !== 'GET' || !cacheableResponse(response)) {
				settle(null);
				return response;
			}
			const body = new Uint8Array(await response.arrayBuffer());
			const headers = [...response.headers].filter(([k]) => k !== 'set-cookie');
			const page = { status: response.status, headers, body, expiresAt: now() + ttl * 1000 };
			cache.set(key, page);
			settle(page);
			return toResponse(page, event, 0, 'miss');
		} catch (e) {
			settle(null);
			throw e;
		} finally {
			rendering.delete(key);
		}
	};
}
