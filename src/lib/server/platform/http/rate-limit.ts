/**
 * Fixed-window rate limits stored in the database, so every app process shares them (sign-in, sign-up, password
 * reset, SMS codes). One upsert per check; old windows are pruned by the maintenance job.
 */
import { lt, sql } from 'drizzle-orm';
import { getDb } from '../db/index.ts';
import { rateLimits } from '../db/schema.ts';
import { config } from '../config/env.ts';

export interface RateRule {
	/** e.g. 'sign-in:ip' */
	name: string;
	limit: number;
	windowSeconds: number;
}

export const rateRules = {
	signInByIp: {
		name: 'sign-in:ip',
		get limit() {
			return config.signInLimitPerIp();
		},
		windowSeconds: 15 * 60
	},
	signInByEmail: {
		name: 'sign-in:email',
		get limit() {
			return config.signInLimitPerAccount();
		},
		windowSeconds: 15 * 60
	},
	signUpByIp: {
		name: 'sign-up:ip',
		get limit() {
			return config.signUpLimitPerIp();
		},
		windowSeconds: 60 * 60
	},
	resetByEmail: { name: 'reset:email', limit: 3, windowSeconds: 60 * 60 },
	resetByIp: { name: 'reset:ip', limit: 20, windowSeconds: 60 * 60 },
	smsByUser: { name: 'sms:user', limit: 3, windowSeconds: 60 * 60 },
	smsByIp: { name: 'sms:ip', limit: 10, windowSeconds: 60 * 60 }
} satisfies Record<string, RateRule>;

export interface RateDecision {
	allowed: boolean;
	remaining: number;
	retryAfterSeconds: number;
}

/** Counts one attempt for `subject` under `rule` and says whether it is within the limit. */
export async function hitRateLimit(rule: RateRule, subject: string, now = new Date()): Promise<RateDecision> {
	const db = await getDb();
	const windowMs = rule.windowSeconds * 1000;
	const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
	const key = `${rule.name}:${subject.toLowerCase()}`;
	const [row] = await db
		.insert(rateLimits)
		.values({ key, windowStart, count: 1 })
		.onConflictDoUpdate({
			target: [rateLimits.key, rateLimits.windowStart],
			set: { count: sql`${rateLimits.count} + 1` }
		})
		.returning({ count: rateLimits.count });
	const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
	return { allowed: row.count <= rule.limit, remaining: Math.max(0, rule.limit - row.count), retryAfterSeconds };
}

/** Deletes windows that ended more than a day ago. */
export async function pruneRateLimits(now = new Date()): Promise<void> {
	const db = await getDb();
	await db.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 24 * 3600 * 1000)));
}
