/**
 * What the ballot-cast benchmark (casts.ts) and the crash check (crash.ts) share: a production server on a throwaway
 * PostgreSQL with durable commits, migrated and filled with an edition in the voting stage and verified voters
 * (dataset.ts); a storm of casts, each by a distinct voter through HTTP → the vote form action → `castInBallotBox`
 * → COMMIT, recording every acknowledged receipt on the client side; and the checks of the box against the roll.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Cleanups } from '../support/cleanup.ts';
import { freshDatabase, startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres.ts';
import { buildServer, serverEnv, startServer, waitFor } from '../support/server.ts';
import { castRequest, readCastAnswer, receiptHashOf, type CastAnswer } from './cast-request.ts';
import type { CastDataset } from './dataset.ts';

export interface Bench {
	cleanups: Cleanups;
	postgres: ThrowawayPostgres;
	/** The benchmark database (vocea_bench) on `postgres`. */
	databaseUrl: string;
	version: string;
	origin: string;
	env: NodeJS.ProcessEnv;
	dataset: CastDataset;
	datasetSeconds: number;
	/** A client for checks and for the database's CPU (its backends). */
	db: pg.Client;
	/** The first app process (the crash check kills and restarts it). */
	server: ChildProcess;
	/** Every app process: one per core in production (docs/operations.md → Scaling), on ports port, port + 1, … */
	servers: ChildProcess[];
	/** Where each app process listens (all serve `origin`, as behind a proxy). */
	urls: string[];
	buildDir: string;
	/** Starts (again) the first production server; resolves once it answers. */
	startApp(nodeArgs?: string[]): Promise<ChildProcess>;
}

/** Builds (or reuses) the server, starts PostgreSQL, migrates, fills the data set and starts the server. */
export async function setUp(options: {
	port: number;
	voters: number;
	args: string[];
	buildDir: string;
	kitOutDir: string;
	nodeArgs?: string[];
	/** App processes to start (default 1); the clients are spread over them, as a proxy would. */
	processes?: number;
	/** Server settings for PostgreSQL beyond the durable defaults (fsync, synchronous_commit, full_page_writes on). */
	settings?: Record<string, string | number>;
}): Promise<Bench> {
	const { port, args, buildDir } = options;
	const cleanups = new Cleanups();
	// Interrupted (Ctrl-C, timeout): still stop the server and PostgreSQL and remove their folders.
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.once(signal, () => void cleanups.run().finally(() => process.exit(130)));
	const origin = `http://127.0.0.1:${port}`;
	try {
		const dataDir = mkdtempSync(join(tmpdir(), 'vocea-bench-data-'));
		cleanups.add(() => rmSync(dataDir, { recursive: true, force: true }));
		// The migrations as they are now, for every step of the run (the tree may change while the benchmark runs).
		const migrations = join(dataDir, 'drizzle');
		cpSync('drizzle', migrations, { recursive: true });
		buildServer({
			buildDir,
			kitOutDir: options.kitOutDir,
			origin,
			force: args.includes('--rebuild'),
			reuse: args.includes('--no-build')
		});
		const postgres = startThrowawayPostgres(port + 10000, cleanups, {
			max_connections: 200,
			...options.settings
		});
		const { url: databaseUrl, version } = await freshDatabase(postgres.url, 'vocea_bench');
		const env = {
			...serverEnv({ databaseUrl, dataDir, port, origin }),
			MIGRATIONS_DIR: migrations,
			SEED_DEMO: '0',
			BENCH_VOTERS: String(options.voters),
			BENCH_VOTERS_FILE: join(dataDir, 'voters.json')
		};
		console.log(`preparing the database (PostgreSQL ${version}): migrations, administrator …`);
		const prep = spawnSync(
			process.execPath,
			['-e', `import('./scripts/prepare.ts').then(m => m.prepare({ origin: '${origin}' }))`],
			{ stdio: ['ignore', 'ignore', 'inherit'], env }
		);
		if (prep.status !== 0) throw new Error('prepare failed');
		console.log(`filling the data set (${options.voters} voters) …`);
		const t0 = performance.now();
		const fill = spawnSync(process.execPath, ['bench/budgets/dataset.ts'], { stdio: 'inherit', env });
		if (fill.status !== 0) throw new Error('filling the data set failed');
		const datasetSeconds = (performance.now() - t0) / 1000;
		const dataset = JSON.parse(readFileSync(env.BENCH_VOTERS_FILE, 'utf8')) as CastDataset;
		// The planner's statistics for the bulk-filled tables, as autovacuum would have them on a live server.
		const db = new pg.Client({ connectionString: databaseUrl });
		// A connection lost in a PostgreSQL restart must not crash the benchmark (crash.ts reconnects).
		db.on('error', () => {});
		await db.connect();
		cleanups.add(() => db.end().catch(() => {}));
		await db.query('ANALYZE');

		const bench: Bench = {
			cleanups,
			postgres,
			databaseUrl,
			version,
			origin,
			env,
			dataset,
			datasetSeconds,
			db,
			buildDir,
			server: undefined as unknown as ChildProcess,
			servers: [],
			urls: [],
			async startApp(nodeArgs = options.nodeArgs ?? []) {
				bench.server = bench.servers[0] = startServer(buildDir, env, cleanups, nodeArgs);
				await waitFor(`${origin}/healthz`, 60_000);
				return bench.server;
			}
		};
		await bench.startApp();
		bench.urls.push(origin);
		for (let i = 1; i < (options.processes ?? 1); i++) {
			// The same ORIGIN on another port: the app builds its URLs from ORIGIN, as behind a proxy.
			const url = `http://127.0.0.1:${port + i}`;
			bench.servers.push(startServer(buildDir, { ...env, PORT: String(port + i) }, cleanups, options.nodeArgs ?? []));
			await waitFor(`${url}/healthz`, 60_000);
			bench.urls.push(url);
		}
		return bench;
	} catch (err) {
		await cleanups.run();
		throw err;
	}
}

/** One cast as the client saw it. */
export interface CastRecord {
	voter: number;
	/** ms from sending the request to the end of the answer. */
	ms: number;
	answer: CastAnswer;
}

/** POSTs one voter's ballot and reads the answer (network errors become `{ kind: 'error' }`). */
function castOnce(bench: Bench, url: string, agent: http.Agent, voter: number): Promise<CastRecord> {
	const request = castRequest(bench.dataset, voter);
	const started = performance.now();
	return new Promise((resolve) => {
		const done = (answer: CastAnswer) => resolve({ voter, ms: performance.now() - started, answer });
		const body = Buffer.from(request.body);
		const req = http.request(
			`${url}${request.path}`,
			{
				method: 'POST',
				agent,
				headers: {
					...request.headers,
					origin: bench.origin,
					cookie: bench.dataset.voters[voter].cookie,
					'content-length': body.length
				}
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					done(readCastAnswer(res.statusCode ?? 0, res.headers, Buffer.concat(chunks).toString('utf8')))
				);
				res.on('error', (err) => done({ kind: 'error', detail: String(err) }));
			}
		);
		req.setTimeout(30_000, () => req.destroy(new Error('timeout')));
		req.on('error', (err) => done({ kind: 'error', detail: err.message }));
		req.end(body);
	});
}

/**
 * `clients` concurrent clients cast the ballots of `voters` (indexes into the data set), each voter once, until
 * the list is exhausted, `seconds` have passed, or `stop()` returns true. Each client has its own keep-alive
 * connection, like a browser.
 */
export async function storm(
	bench: Bench,
	voters: number[],
	options: { clients: number; seconds?: number; stop?: () => boolean; onCast?: (r: CastRecord) => void }
): Promise<{ records: CastRecord[]; seconds: number; unused: number[] }> {
	const records: CastRecord[] = [];
	let next = 0;
	const started = performance.now();
	const until = options.seconds ? started + options.seconds * 1000 : Infinity;
	const client = async (index: number) => {
		const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		// Client i talks to process i mod N, as a proxy keeping each browser's connection would spread them.
		const url = bench.urls[index % bench.urls.length] ?? bench.origin;
		try {
			while (next < voters.length && performance.now() < until && !options.stop?.()) {
				const r = await castOnce(bench, url, agent, voters[next++]);
				records.push(r);
				options.onCast?.(r);
			}
		} finally {
			agent.destroy();
		}
	};
	await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
	return { records, seconds: (performance.now() - started) / 1000, unused: voters.slice(next) };
}

export interface BoxCheck {
	boxRows: number;
	rollRows: number;
	/** Roll rows per person above one (impossible with the primary key; checked anyway). */
	doubledVoters: number;
	/** Acknowledged receipts whose hash is not in the box. */
	missingReceipts: number;
	acknowledged: number;
}

/** Counts the box and the roll of the edition and looks every acknowledged receipt up in the box. */
export async function checkBox(bench: Bench, receipts: string[]): Promise<BoxCheck> {
	const moduleId = bench.dataset.moduleId;
	const count = async (text: string) => Number((await bench.db.query(text, [moduleId])).rows[0].n);
	const boxRows = await count('SELECT count(*) AS n FROM budgets_ballots WHERE module_id = $1');
	const rollRows = await count('SELECT count(*) AS n FROM budgets_voters WHERE module_id = $1');
	const doubledVoters = await count(
		'SELECT count(*) AS n FROM (SELECT user_id FROM budgets_voters WHERE module_id = $1 GROUP BY user_id HAVING count(*) > 1) d'
	);
	const hashes = receipts.map(receiptHashOf);
	const found = hashes.length
		? Number(
				(
					await bench.db.query(
						'SELECT count(*) AS n FROM budgets_ballots WHERE module_id = $1 AND receipt_hash = ANY($2::text[])',
						[moduleId, hashes]
					)
				).rows[0].n
			)
		: 0;
	return { boxRows, rollRows, doubledVoters, missingReceipts: hashes.length - found, acknowledged: hashes.length };
}
