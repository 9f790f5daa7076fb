import { afterEach, describe, expect, it, vi } from 'vitest';
import { testHooksEnabled } from './test-hooks.ts';

afterEach(() => vi.unstubAllEnvs());

const setEnv = (env: Record<string, string>) => {
	for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
};

describe('test hooks', () => {
	it('answer with the flag, the embedded database and demo mode', () => {
		setEnv({ VOCEA_TEST_HOOKS: '1', DATABASE_URL: '', VOCEA_DEMO: '1' });
		expect(testHooksEnabled()).toBe(true);
	});

	it('stay off without the flag', () => {
		setEnv({ VOCEA_TEST_HOOKS: '', DATABASE_URL: '', VOCEA_DEMO: '1' });
		expect(testHooksEnabled()).toBe(false);
	});

	it('stay off on PostgreSQL, even with the flag and demo mode', () => {
		setEnv({ VOCEA_TEST_HOOKS: '1', DATABASE_URL: 'postgres://app@db/vocea', VOCEA_DEMO: '1' });
		expect(testHooksEnabled()).toBe(false);
	});

	it('stay off outside demo mode, even with the flag and the embedded database', () => {
		setEnv({ VOCEA_TEST_HOOKS: '1', DATABASE_URL: '', VOCEA_DEMO: '0' });
		expect(testHooksEnabled()).toBe(false);
	});
});
