import { afterEach, describe, expect, it } from 'vitest';
import { clearSharedData, sharedData, sharedDataSize, withSharedData } from './shared-data.ts';

describe('the shared data cache', () => {
	afterEach(() => clearSharedData());

	const counter = () => {
		let reads = 0;
		return { load: async () => ++reads, reads: () => reads };
	};

	it('reads every time outside a read request (commands, jobs, tests)', async () => {
		const c = counter();
		expect(await sharedData('k', c.load)).toBe(1);
		expect(await sharedData('k', c.load)).toBe(2);
		expect(sharedDataSize()).toBe(0);
	});

	it('reads once per key and TTL within read requests, and concurrent requests share one read', async () => {
		const c = counter();
		const [a, b] = await withSharedData(2, () => Promise.all([sharedData('k', c.load), sharedData('k', c.load)]));
		expect([a, b, c.reads()]).toEqual([1, 1, 1]);
		expect(await withSharedData(2, () => sharedData('other', c.load))).toBe(2);
		const t0 = Date.now();
		expect(await withSharedData(2, () => sharedData('k', c.load, t0 + 1_000))).toBe(1);
		expect(await withSharedData(2, () => sharedData('k', c.load, t0 + 2_500))).toBe(3);
	});

	it('reads a thenable (a query builder runs again on every await) only once', async () => {
		let runs = 0;
		const query = { then: (resolve: (v: number) => void) => resolve(++runs) };
		await withSharedData(2, async () => {
			await sharedData('q', () => query as PromiseLike<number>);
			await sharedData('q', () => query as PromiseLike<number>);
		});
		expect(runs).toBe(1);
	});

	it('is off with a TTL of 0, forgets failed reads, and is emptied by a write', async () => {
		const c = counter();
		await withSharedData(0, () => sharedData('k', c.load));
		await withSharedData(0, () => sharedData('k', c.load));
		expect(c.reads()).toBe(2);
		await expect(
			withSharedData(2, () => sharedData('bad', () => Promise.reject(new Error('db down'))))
		).rejects.toThrow();
		await Promise.resolve();
		expect(await withSharedData(2, () => sharedData('bad', async () => 'ok'))).toBe('ok');
		await withSharedData(2, () => sharedData('k', c.load));
		clearSharedData();
		expect(sharedDataSize()).toBe(0);
		expect(await withSharedData(2, () => sharedData('k', c.load))).toBe(4);
	});
});
