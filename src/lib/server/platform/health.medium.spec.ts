import { describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../../../../tests/setup/database.ts';
import { checkHealth } from './health.ts';
import { logger } from './log.ts';

useTestDatabase({ resetBetweenTests: false });

const secret = 'password authentication failed for user "vocea" at db.internal.example:5432';

describe('health', () => {
	it('is ok with the database kind when the database answers', async () => {
		const health = await checkHealth();
		expect(health).toMatchObject({ status: 'ok', database: 'ok' });
		expect(['pglite', 'postgres']).toContain(health.databaseKind);
		expect(health.failing).toBeUndefined();
	});

	it('names only the failing part publicly and logs the error itself', async () => {
		const log = vi.spyOn(logger(), 'error').mockImplementation(() => undefined);
		try {
			const health = await checkHealth({ open: () => Promise.reject(new Error(secret)) });
			const { version, uptimeSeconds, ...rest } = health;
			expect(rest).toEqual({ status: 'fail', database: 'fail', failing: ['database'] });
			expect(typeof version).toBe('string');
			expect(typeof uptimeSeconds).toBe('number');
			expect(JSON.stringify(health)).not.toContain('db.internal');
			expect(log).toHaveBeenCalledTimes(1);
			expect((log.mock.calls[0][0] as { err: Error }).err.message).toBe(secret);
		} finally {
			log.mockRestore();
		}
	});

	it('fails, without detail, when the database does not answer in time', async () => {
		const log = vi.spyOn(logger(), 'error').mockImplementation(() => undefined);
		try {
			const hanging = { kind: 'postgres' as const, db: { execute: () => new Promise(() => {}) } };
			const health = await checkHealth({ timeoutMs: 10, open: async () => hanging as never });
			expect(health).toMatchObject({ status: 'fail', database: 'fail', failing: ['database'] });
			expect(Object.keys(health)).not.toContain('error');
			expect(log).toHaveBeenCalledTimes(1);
		} finally {
			log.mockRestore();
		}
	});
});
