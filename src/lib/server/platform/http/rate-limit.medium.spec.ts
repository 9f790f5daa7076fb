import { afterEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { hitRateLimit, rateRules } from './rate-limit.ts';

useTestDatabase();

describe('rate limits', () => {
	afterEach(() => {
		delete process.env.SIGN_IN_LIMIT_PER_IP;
		delete process.env.SIGN_IN_LIMIT_PER_ACCOUNT;
	});

	it('counts per key within a fixed window and refuses past the limit, with the seconds to wait', async () => {
		const now = new Date('2026-11-22T10:00:30Z');
		const rule = { name: 'test', limit: 2, windowSeconds: 60 };
		expect((await hitRateLimit(rule, 'a', now)).allowed).toBe(true);
		expect((await hitRateLimit(rule, 'a', now)).allowed).toBe(true);
		expect(await hitRateLimit(rule, 'a', now)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 30 });
		expect((await hitRateLimit(rule, 'b', now)).allowed).toBe(true);
		expect((await hitRateLimit(rule, 'a', new Date('2026-11-22T10:01:00Z'))).allowed).toBe(true);
	});

	it('takes the sign-in limit per IP address from SIGN_IN_LIMIT_PER_IP (30 by default, nonsense ignored)', async () => {
		expect(rateRules.signInByIp.limit).toBe(30);
		process.env.SIGN_IN_LIMIT_PER_IP = 'many';
		expect(rateRules.signInByIp.limit).toBe(30);
		process.env.SIGN_IN_LIMIT_PER_IP = '2';
		const now = new Date('2026-11-22T10:00:00Z');
		await hitRateLimit(rateRules.signInByIp, '198.51.100.7', now);
		await hitRateLimit(rateRules.signInByIp, '198.51.100.7', now);
		expect((await hitRateLimit(rateRules.signInByIp, '198.51.100.7', now)).allowed).toBe(false);
	});

	it('takes the sign-in limit per account from SIGN_IN_LIMIT_PER_ACCOUNT (10 by default)', async () => {
		expect(rateRules.signInByEmail.limit).toBe(10);
		process.env.SIGN_IN_LIMIT_PER_ACCOUNT = '0';
		expect(rateRules.signInByEmail.limit).toBe(10);
		process.env.SIGN_IN_LIMIT_PER_ACCOUNT = '1';
		const now = new Date('2026-11-22T10:00:00Z');
		expect((await hitRateLimit(rateRules.signInByEmail, 'ana@example.ro', now)).allowed).toBe(true);
		expect((await hitRateLimit(rateRules.signInByEmail, 'ana@example.ro', now)).allowed).toBe(false);
	});
});
