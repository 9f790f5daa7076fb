/**
 * Page data every visitor sees alike (a process with its phases and modules, a page of a proposal list), kept
 * in-process for PAGE_CACHE_SECONDS while answering read requests, signed in or not; the personal parts of a page
 * (what I support, what I may do) are always read fresh. Any write request empties it, as it empties the page cache
 * (ADR 0006). Outside a read request (form actions, commands, jobs, tests) `sharedData` always reads the database.
 * Values are shared between requests: callers must not mutate them.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const MAX_ENTRIES = 2000;
const scope = new AsyncLocalStorage<{ ttlMs: number }>();
// The promise is stored, so concurrent requests for one key wait for a single read.
const entries = new Map<string, { value: Promise<unknown>; expiresAt: number }>();

/** Runs a read request with the shared data cache on (a TTL of 0 or less leaves it off). */
export function withSharedData<T>(ttlSeconds: number, run: () => T): T {
	return ttlSeconds > 0 ? scope.run({ ttlMs: ttlSeconds * 1000 }, run) : run();
}

/** The value under `key`, read with `load` at most once per TTL within read requests; always `load()` elsewhere. */
export function sharedData<T>(key: string, load: () => PromiseLike<T>, now = Date.now()): Promise<T> {
	const current = scope.getStore();
	if (!current) return Promise.resolve(load());
	const hit = entries.get(key);
	if (hit && hit.expiresAt > now) return hit.value as Promise<T>;
	// A real promise: a query builder is only a thenable, and would run its query again on every await.
	const value = (async () => await load())();
	entries.delete(key);
	entries.set(key, { value, expiresAt: now + current.ttlMs });
	// A failed read is not kept: the next request tries again.
	value.catch(() => entries.get(key)?.value === value && entries.delete(key));
	// Insertion order is age order: drop the oldest beyond the bound.
	for (const oldest of entries.keys()) {
		if (entries.size <= MAX_ENTRIES) break;
		entries.delete(oldest);
	}
	return value;
}

/** Empties the cache (after any write request). */
export function clearSharedData(): void {
	entries.clear();
}

export const sharedDataSize = () => entries.size;
