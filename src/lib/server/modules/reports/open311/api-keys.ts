/**
 * Open311 API keys: those administrators issue (only a SHA-256 of each is stored) and those the environment adds
 * (`OPEN311_API_KEYS`). A key is checked in constant time against its hash, and each key gets its own rate limit.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { getDb, type Db } from '../../../platform/db/index.ts';
import { canAdmin } from '../../../platform/permissions/admin-policy.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { hitRateLimit } from '../../../platform/http/rate-limit.ts';
import { reportsApiKeys } from '../schema.ts';
import { open311Config } from './config.ts';
import { Open311Error } from './errors.ts';

export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new random key (shown once), the part kept to recognise it, and its hash. */
export function newApiKey() {
	const key = `o311_${randomBytes(24).toString('base64url')}`;
	return { key, prefix: key.slice(0, 9), keyHash: hashApiKey(key) };
}

export interface ApiKeyIdentity {
	/** The `reports_api_keys` id, or `env:<hash prefix>` for a key from the environment. */
	id: string;
	name: string;
}

/** The identity of a valid, unrevoked key, or null. */
export async function verifyApiKey(db: Db, key: string | undefined, now = new Date()): Promise<ApiKeyIdentity | null> {
	if (!key || key.length > 200) return null;
	const hash = hashApiKey(key);
	// Comparing hashes (not the keys) keeps the lookup's timing independent of how much of a key was guessed.
	for (const configured of open311Config.environmentKeys()) {
		if (hashApiKey(configured) === hash) return { id: `env:${hash.slice(0, 12)}`, name: 'OPEN311_API_KEYS' };
	}
	const [row] = await db
		.update(reportsApiKeys)
		.set({ lastUsedAt: now })
		.where(and(eq(reportsApiKeys.keyHash, hash), isNull(reportsApiKeys.revokedAt)))
		.returning({ id: reportsApiKeys.id, name: reportsApiKeys.name });
	return row ?? null;
}

/** Counts one call for the key; a 429 error when its per-minute allowance is used up. */
export async function checkKeyRate(key: ApiKeyIdentity, now = new Date()): Promise<void> {
	const decision = await hitRateLimit(
		{ name: 'open311:key', limit: open311Config.ratePerMinute(), windowSeconds: 60 },
		key.id,
		now
	);
	if (!decision.allowed)
		throw new Open311Error(429, 'Too many requests for this api_key; retry later', {
			'retry-after': String(decision.retryAfterSeconds)
		});
}

/** The key's identity, or a 403 (missing or invalid key); counts the call against the key's rate limit. */
export async function requireApiKey(db: Db, key: string | undefined, now = new Date()): Promise<ApiKeyIdentity> {
	if (!key) throw new Open311Error(403, 'api_key is required');
	const identity = await verifyApiKey(db, key, now);
	if (!identity) throw new Open311Error(403, 'Invalid api_key received');
	await checkKeyRate(identity, now);
	return identity;
}

/** The issued keys for the administrators' page (never the keys themselves: only their first characters). */
export async function listApiKeys(actor: Actor) {
	authorize(canAdmin(actor, 'reports.manage'));
	const db = await getDb();
	return db
		.select({
			id: reportsApiKeys.id,
			name: reportsApiKeys.name,
			prefix: reportsApiKeys.prefix,
			createdAt: reportsApiKeys.createdAt,
			lastUsedAt: reportsApiKeys.lastUsedAt,
			revokedAt: reportsApiKeys.revokedAt
		})
		.from(reportsApiKeys)
		.orderBy(desc(reportsApiKeys.createdAt));
}
