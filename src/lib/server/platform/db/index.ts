/** Opens the platform database: PostgreSQL when DATABASE_URL is set, else embedded PGlite under DATA_DIR. */
import { join, resolve } from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import { databaseUrl, dataDir } from '../config/env.ts';
import { lockDataDir } from './lock.ts';
import { bootstrapSql } from './bootstrap.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type Db = PgDatabase<PgQueryResultHKT, {}>;
/** A transaction handle; it is also a Db, so queries accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
	db: Db;
	kind: 'pglite' | 'postgres';
	/** The PGlite instance (embedded mode only): pg-boss shares it. */
	pglite?: PGlite;
	pool?: pg.Pool;
	close(): Promise<void>;
}

const migrationsFolder = () => resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');

/** Creates a PGlite instance with the extensions the schema needs. `dir` undefined = in memory. */
export async function createPglite(dir?: string, loadDataDir?: Blob): Promise<PGlite> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	return PGlite.create(dir, { extensions: { unaccent, pg_trgm }, loadDataDir });
}

/** Wraps an open PGlite instance (used by the server and by medium tests on their template clones). */
export async function fromPglite(client: PGlite, onClose?: () => void): Promise<Database> {
	const { drizzle } = await import('drizzle-orm/pglite');
	const db = drizzle({ client, casing: 'snake_case' }) as unknown as Db;
	return {
		db,
		kind: 'pglite',
		pglite: client,
		async close() {
			await client.close();
			onClose?.();
		}
	};
}

export async function fromPostgresUrl(
	url: string,
	max = Number(process.env.DATABASE_POOL_SIZE ?? 10)
): Promise<Database> {
	const { default: pgModule } = await import('pg');
	const { drizzle } = await import('drizzle-orm/node-postgres');
	const pool = new pgModule.Pool({ connectionString: url, max });
	// An idle connection dropped by the server (restart, failover, DROP DATABASE … FORCE) emits 'error' on the pool;
	// unhandled, that would crash the process. The pool replaces the connection on next use.
	pool.on('error', (err) => {
		void import('../log.ts').then(({ logger }) => logger().warn({ err }, 'idle database connection lost'));
	});
	// pg-pool listens for errors only while a connection is idle: one that dies while checked out (PostgreSQL restarted
	// in the middle of a transaction) emitted 'error' with no listener and crashed the process (bench/budgets/crash.ts).
	// Its queries fail (the request answers 500) and the pool discards it on release.
	pool.on('connect', (client) =>
		client.on('error', (err) => {
			void import('../log.ts').then(({ logger }) => logger().warn({ err }, 'database connection lost in use'));
		})
	);
	const db = drizzle({ client: pool, casing: 'snake_case' }) as unknown as Db;
	return { db, kind: 'postgres', pool, close: () => pool.end() };
}

/** Applies the bootstrap SQL and the committed migrations. On PostgreSQL an advisory lock serialises app processes. */
export async function migrateDatabase(database: Database): Promise<void> {
	if (database.kind === 'pglite') {
		const client = database.pglite!;
		await client.exec(bootstrapSql);
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		await migrate(database.db as never, { migrationsFolder: migrationsFolder() });
		return;
	}
	const client = await database.pool!.connect();
	try {
		await client.query("SELECT pg_advisory_lock(hashtext('vocea:migrate'))");
		await client.query(bootstrapSql);
		const { migrate } = await import('drizzle-orm/node-postgres/migrator');
		const { drizzle } = await import('drizzle-orm/node-postgres');
		await migrate(drizzle({ client, casing: 'snake_case' }), { migrationsFolder: migrationsFolder() });
	} finally {
		await client.query("SELECT pg_advisory_unlock(hashtext('vocea:migrate'))").catch(() => {});
		client.release();
	}
}

let current: Promise<Database> | undefined;

/** The process-wide database, opened and migrated on first use (never at import time). */
export function getDatabase(): Promise<Database> {
	current ??= (async () => {
		const url = databaseUrl();
		let database: Database;
		if (url) {
			database = await fromPostgresUrl(url);
		} else {
			const dir = join(dataDir(), 'pglite');
			const release = lockDataDir(dataDir());
			try {
				database = await fromPglite(await createPglite(dir), release);
			} catch (e) {
				release();
				throw e;
			}
		}
		await migrateDatabase(database);
		return database;
	})();
	return current;
}

export async function getDb(): Promise<Db> {
	return (await getDatabase()).db;
}

/** Medium tests install their own database (a clone of the migrated template) before calling commands. */
export function useDatabase(database: Database): void {
	current = Promise.resolve(database);
}

export async function closeDatabase(): Promise<void> {
	const open = current;
	current = undefined;
	if (open) await (await open).close();
}

/** True when the embedded database is in use: the log and the admin area warn that it is for trials and pilots. */
export function isEmbedded(): boolean {
	return !databaseUrl();
}
