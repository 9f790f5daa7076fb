/**
 * A throwaway PostgreSQL server for benchmarks, started from the Debian binaries (/usr/lib/postgresql/<v>/bin) with
 * trust authentication on 127.0.0.1; and a fresh database on any server. When run as root the server runs as the
 * `postgres` user (PostgreSQL refuses to run as root).
 */
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Cleanups } from './cleanup.ts';

/** The newest PostgreSQL binaries folder on this machine, or undefined. */
export function postgresBin(): string | undefined {
	if (!existsSync('/usr/lib/postgresql')) return undefined;
	return readdirSync('/usr/lib/postgresql')
		.sort((a, b) => Number(a) - Number(b))
		.map((v) => `/usr/lib/postgresql/${v}/bin`)
		.at(-1);
}

export interface ThrowawayPostgres {
	/** postgres://postgres@127.0.0.1:<port>/postgres */
	url: string;
	bin: string;
	port: number;
	dataDir: string;
	/** Runs a shell command as the server's owner (pg_ctl, pgbench …); throws when it fails. */
	run(cmd: string, options?: { quiet?: boolean }): void;
	/** `pg_ctl restart -m immediate`: the server stops without a checkpoint (as on a crash) and recovers from WAL. */
	restartImmediate(): void;
	/** The command line (for `spawn`) that runs a shell command as the server's owner, e.g. without blocking. */
	asOwner(cmd: string): [string, string[]];
}

/**
 * Starts a new cluster on `port` (stopped and removed at cleanup). `settings` are extra `-c` server settings; the
 * durability settings are always the defaults made explicit (fsync on, synchronous_commit on, full_page_writes on).
 */
export function startThrowawayPostgres(
	port: number,
	cleanups: Cleanups,
	settings: Record<string, string | number> = {}
): ThrowawayPostgres {
	const bin = postgresBin();
	if (!bin) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql: set BENCH_POSTGRES_URL');
	const dir = mkdtempSync(join(tmpdir(), 'vocea-bench-pg-'));
	const asPostgres = process.getuid?.() === 0;
	if (asPostgres) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), 0);
	const asOwner = (cmd: string): [string, string[]] =>
		asPostgres ? ['su', ['postgres', '-s', '/bin/sh', '-c', cmd]] : ['/bin/sh', ['-c', cmd]];
	const run = (cmd: string, { quiet = true } = {}) => {
		const r = spawnSync(...asOwner(quiet ? `${cmd} >/dev/null` : cmd), { stdio: 'inherit' });
		if (r.status !== 0) throw new Error(`failed: ${cmd}`);
	};
	const options = Object.entries({
		listen_addresses: '127.0.0.1',
		port,
		unix_socket_directories: dir,
		shared_buffers: '256MB',
		fsync: 'on',
		synchronous_commit: 'on',
		full_page_writes: 'on',
		...settings
	})
		.map(([k, v]) => `-c ${k}=${v}`)
		.join(' ');
	const data = `${dir}/data`;
	run(`${bin}/initdb -D ${data} --auth=trust -E UTF8 --locale=C.UTF-8`);
	const pgCtl = (action: string) => run(`${bin}/pg_ctl -D ${data} -l ${dir}/log -w ${action} -o "${options}"`);
	pgCtl('start');
	cleanups.add(() => {
		run(`${bin}/pg_ctl -D ${data} -m fast stop`);
		rmSync(dir, { recursive: true, force: true });
	});
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		bin,
		port,
		dataDir: data,
		run,
		restartImmediate: () => pgCtl('-m immediate restart'),
		asOwner
	};
}

/** Drops and recreates database `name` on the server at `serverUrl`; returns its URL and the server's version. */
export async function freshDatabase(serverUrl: string, name: string): Promise<{ url: string; version: string }> {
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	try {
		await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await admin.query(`CREATE DATABASE ${name}`);
		const version = (await admin.query('SHOW server_version')).rows[0].server_version as string;
		const url = new URL(serverUrl);
		url.pathname = `/${name}`;
		return { url: url.toString(), version };
	} finally {
		await admin.end();
	}
}
