/**
 * The ballot-cast benchmark's data set: one published edition in the voting stage (8 zone pots of 500,000 lei,
 * 10 projects on the ballot each, the edition's default ballot design) and BENCH_VOTERS verified voters (default
 * 40,000): accounts with a confirmed e-mail and a phone confirmed by SMS code, each with a live session stored the
 * way better-auth stores it. Signing 40,000 people in through the real form would take longer than the benchmark
 * (a password hash each), and a shared session would let one person cast for everyone; so each voter gets a session
 * row, and the cookie a browser would hold is signed here with the server's secret (HMAC-SHA-256, as better-auth
 * signs it). Every request still goes through the server's full session check (cookie → session row → actor).
 *
 * Run by casts.ts / crash.ts as a child process with the server's environment (DATABASE_URL, AUTH_SECRET), after
 * scripts/prepare.ts; writes the edition and the voters' cookies to BENCH_VOTERS_FILE (JSON, see `CastDataset`).
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { PgTable } from 'drizzle-orm/pg-core';
import { person } from '../../tests/support/spaces.ts';
import { closeDatabase, getDatabase, type Db } from '../../src/lib/server/platform/db/index.ts';
import { session, user, verifications } from '../../src/lib/server/platform/db/schema.ts';
// eslint-disable-next-line no-restricted-imports -- the benchmark builds its edition with the module's own test helper
import { budgetEdition } from '../../src/lib/server/modules/budgets/test-support.ts';

export interface CastDataset {
	slug: string;
	spaceId: string;
	moduleId: string;
	pots: {
		id: string;
		code: string;
		zoneId: string | null;
		neighbourhoodId: string | null;
		projects: { id: string; code: string; cost: number }[];
	}[];
	/** One entry per voter, in a fixed order; `cookie` is the Cookie header value of the voter's signed-in browser. */
	voters: { userId: string; cookie: string; neighbourhoodId: string | null; potIndex: number }[];
}

const VOTERS = Number(process.env.BENCH_VOTERS ?? 40_000);
const ZONES = Number(process.env.BENCH_ZONES ?? 8);
const PROJECTS = Number(process.env.BENCH_PROJECTS_PER_ZONE ?? 10);

async function insertAll(db: Db, table: PgTable, rows: Record<string, unknown>[], batch = 1000) {
	for (let i = 0; i < rows.length; i += batch) await db.insert(table).values(rows.slice(i, i + batch) as never);
}

/** The session cookie better-auth reads: `<token>.<base64 HMAC-SHA-256 of the token>`, URI-encoded. */
export function sessionCookie(token: string, secret: string): string {
	const signature = createHmac('sha256', secret).update(token).digest('base64');
	return `vocea.session_token=${encodeURIComponent(`${token}.${signature}`)}`;
}

async function main() {
	const file = process.env.BENCH_VOTERS_FILE;
	const secret = process.env.AUTH_SECRET;
	if (!file || !secret) throw new Error('BENCH_VOTERS_FILE and AUTH_SECRET are required');
	const { db } = await getDatabase();
	const admin = await person(['admin']);
	const edition = await budgetEdition(admin, { stage: 'voting', zones: ZONES, projectsPerZone: PROJECTS });

	const expiresAt = new Date(Date.now() + 14 * 86_400_000);
	const voters: CastDataset['voters'] = [];
	const users: Record<string, unknown>[] = [];
	const proofs: Record<string, unknown>[] = [];
	const sessions: Record<string, unknown>[] = [];
	for (let i = 0; i < VOTERS; i++) {
		const id = randomUUID();
		const potIndex = i % edition.pots.length;
		const neighbourhoodId = edition.pots[potIndex].neighbourhoodId;
		users.push({
			id,
			name: `Alegător ${i + 1}`,
			email: `alegator-${i + 1}@bench.vocea.test`,
			emailVerified: true,
			neighbourhoodId
		});
		proofs.push(
			{ userId: id, kind: 'email', method: 'link' },
			{ userId: id, kind: 'phone', method: 'sms', detail: `+4072${String(i).padStart(7, '0')}` }
		);
		// better-auth's tokens are 32 random alphanumerics; any unguessable string works the same.
		const token = randomBytes(24).toString('base64url');
		sessions.push({
			id: randomUUID(),
			token,
			userId: id,
			expiresAt,
			updatedAt: new Date(),
			ipAddress: '127.0.0.1',
			userAgent: 'bench'
		});
		voters.push({ userId: id, cookie: sessionCookie(token, secret), neighbourhoodId, potIndex });
	}
	await insertAll(db, user, users);
	await insertAll(db, verifications, proofs);
	await insertAll(db, session, sessions);

	const dataset: CastDataset = {
		slug: edition.slug,
		spaceId: edition.spaceId,
		moduleId: edition.moduleId,
		pots: edition.pots.map((p) => ({
			id: p.id,
			code: p.code,
			zoneId: p.zoneId,
			neighbourhoodId: p.neighbourhoodId,
			projects: edition.projects
				.filter((x) => x.zoneId === p.id)
				.map((x) => ({ id: x.id, code: x.code, cost: x.cityCost ?? x.estimatedCost }))
		})),
		voters
	};
	writeFileSync(file, JSON.stringify(dataset));
	console.log(
		`BENCH_DATASET ${VOTERS} verified voters with sessions, ${ZONES} pots × ${PROJECTS} projects, edition ${edition.moduleId}`
	);
	await closeDatabase();
}

await main();
