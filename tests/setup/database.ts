/** Medium tests: a fresh database per test file (clone of the migrated template) and a reset between tests. */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import {
	closeDatabase,
	createPglite,
	fromPglite,
	fromPostgresUrl,
	useDatabase,
	type Database
} from '../../src/lib/server/platform/db/index.ts';

async function cloneTemplate(): Promise<{ database: Database; drop: () => Promise<void> }> {
	const templateDatabase = inject('templateDatabase');
	if (templateDatabase) {
		const base = process.env.TEST_DATABASE_URL!;
		const admin = await fromPostgresUrl(base, 1);
		const name = `vocea_t_${randomBytes(5).toString('hex')}`;
		await admin.pool!.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase}`);
		const u = new URL(base);
		u.pathname = `/${name}`;
		const database = await fromPostgresUrl(u.toString(), 5);
		return {
			database,
			drop: async () => {
				await admin.pool!.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
				await admin.close();
			}
		};
	}
	const dump = readFileSync(inject('templateDump'));
	const client = await createPglite(undefined, new Blob([dump]));
	return { database: await fromPglite(client), drop: async () => {} };
}

let current: Database | undefined;

/** Call at the top of a medium test file. Returns a getter for the database of this file. */
export function useTestDatabase(options: { resetBetweenTests?: boolean } = {}) {
	let drop: () => Promise<void> = async () => {};
	beforeAll(async () => {
		const cloned = await cloneTemplate();
		current = cloned.database;
		drop = cloned.drop;
		useDatabase(current);
	});
	if (options.resetBetweenTests !== false) beforeEach(() => resetDatabase());
	afterAll(async () => {
		await closeDatabase();
		await drop();
		current = undefined;
	});
	return () => {
		if (!current) throw new Error('useTestDatabase: database not ready (call inside tests)');
		return current;
	};
}

/** Empties every table of the public schema (keeps the migrations table). */
export async function resetDatabase(): Promise<void> {
	if (!current) return;
	const rows = (await current.db.execute(
		sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`
	)) as unknown as { rows?: { tablename: string }[] } | { tablename: string }[];
	const list = (Array.isArray(rows) ? rows : (rows.rows ?? [])).map((r) => `"${r.tablename}"`);
	if (list.length) await current.db.execute(sql.raw(`TRUNCATE ${list.join(', ')} RESTART IDENTITY CASCADE`));
}
