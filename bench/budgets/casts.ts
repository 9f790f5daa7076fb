/**
 * Issue-5 benchmark (a benchmark, not a test; prints numbers): ballot casts per second by verified voters, each
 * cast a distinct voter through HTTP → the vote form action → `castInBallotBox` → COMMIT, at 8, 16 and 32 concurrent
 * clients; and, against the same PostgreSQL server in the same run, `pgbench` doing single-row inserts (a row shaped
 * like a box row: random text id, jsonb choices, unique hash) at the same client counts; and, as the floor under any
 * cast through the web app, the same signed-in form posts to an action that does nothing (`/bench/bare`). PostgreSQL runs with durable
 * commits (fsync on, synchronous_commit on). Goal: casts ≥ 60 % of pgbench's rate, p99 < 100 ms. At the end the box
 * is checked: box rows = roll rows = successful casts, every acknowledged receipt in the box, nobody twice.
 * Results go to docs/PERFORMANCE.md by hand.
 *
 * Run: node_modules/.bin/node bench/budgets/casts.ts [--rebuild|--no-build] [--clients=8,16,32] [--processes=2]
 *        [--profile=<dir>] [--sql]
 *   or npm run bench:budgets
 *   --processes=N: app processes (default 2: one per core, as docs/operations.md → Scaling runs them), on ports
 *     BENCH_PORT, BENCH_PORT + 1, …; client i talks to process i mod N, as a proxy would spread browsers
 *   --sql: print the SQL statements of one cast first
 *   --profile=<dir>: write a V8 CPU profile of the server into <dir> (at its exit)
 * Env: BENCH_DURATION (s per client count and side, default 10), BENCH_WARMUP (s, default 2), BENCH_VOTERS (default
 *      40,000; split evenly between the client counts: a voter casts once), BENCH_PORT (default 4227; PostgreSQL on
 *      BENCH_PORT + 10000), BUILD_DIR (default build-bench-budgets), KIT_OUT_DIR (default .svelte-kit-bench-budgets)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import http from 'node:http';
import { join } from 'node:path';
import { fixed, machineLine, percentile, printTable } from '../support/report.ts';
import { cpuSeconds } from '../support/server.ts';
import { castRequest } from './cast-request.ts';
import { checkBox, setUp, storm, type Bench, type CastRecord } from './harness.ts';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const port = Number(process.env.BENCH_PORT ?? 4227);
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 2);
const voters = Number(process.env.BENCH_VOTERS ?? 40_000);
const clientCounts = (option('clients') ?? '8,16,32').split(',').map(Number);
const profile = option('profile');
const processes = Number(option('processes') ?? 2);

interface Statement {
	text: string;
	values: unknown[];
}

/** A server's statement count so far and, after a 'trace' message, the statements since (count-queries.ts). */
function traced(server: ChildProcess): Promise<{ statements: number; texts: Statement[] }> {
	return new Promise((resolve) => {
		server.once('message', (m) => resolve(m as { statements: number; texts: Statement[] }));
		server.send('statements');
	});
}

/** The statements sent so far by every app process together. */
async function statementsSoFar(bench: Bench): Promise<number> {
	let n = 0;
	for (const server of bench.servers) n += (await traced(server)).statements;
	return n;
}

/** CPU seconds used so far by every app process together. */
const appCpuSeconds = (bench: Bench) => bench.servers.reduce((sum, s) => sum + cpuSeconds(s.pid!), 0);

interface Side {
	rate: number;
	p50: number;
	p95: number;
	p99: number;
	errors: number;
	count: number;
	seconds: number;
	appCpuMs: number;
	dbCpuMs: number;
	/** SQL statements the app sent per cast (BEGIN and COMMIT included); NaN for pgbench. */
	statements: number;
}

interface Row {
	clients: number;
	casts: Side;
	/** The floor under a cast through the web app: the same signed-in form post to an action that only answers 303. */
	bare: Side;
	pgbench: Side;
	/** Rejected answers by kind (already voted, 4xx/5xx, network errors), for the report. */
	failures: Record<string, number>;
}

/** PIDs of the server backends connected to the benchmark database (their CPU is the database's share). */
async function backends(bench: Bench): Promise<number[]> {
	const r = await bench.db.query(
		"SELECT pid FROM pg_stat_activity WHERE datname = 'vocea_bench' AND pid <> pg_backend_pid()"
	);
	return r.rows.map((row) => row.pid as number);
}

/** CPU seconds used by the app and by the database backends while `work` runs (backends that come and go included). */
async function measuringCpu<T>(bench: Bench, work: () => Promise<T>): Promise<{ result: T; app: number; db: number }> {
	const before = new Map((await backends(bench)).map((p) => [p, cpuSeconds(p)]));
	const appBefore = appCpuSeconds(bench);
	// Backends that start during the run (pgbench's) are sampled while running: /proc forgets them at exit.
	const seen = new Map<number, number>();
	const sampler = setInterval(() => {
		void backends(bench).then((pids) => {
			for (const p of pids) seen.set(p, Math.max(seen.get(p) ?? 0, cpuSeconds(p)));
		});
	}, 200);
	const result = await work();
	clearInterval(sampler);
	for (const p of await backends(bench)) seen.set(p, Math.max(seen.get(p) ?? 0, cpuSeconds(p)));
	let db = 0;
	for (const [p, after] of seen) db += Math.max(0, after - (before.get(p) ?? 0));
	return { result, app: appCpuSeconds(bench) - appBefore, db };
}

async function castSide(bench: Bench, slice: number[], clients: number, acknowledged: string[], all: CastRecord[]) {
	const keep = (r: CastRecord) => {
		all.push(r);
		if (r.answer.kind === 'cast') acknowledged.push(r.answer.receipt);
	};
	const warm = await storm(bench, slice, { clients, seconds: warmup, onCast: keep });
	const statementsBefore = await statementsSoFar(bench);
	const { result, app, db } = await measuringCpu(bench, () =>
		storm(bench, warm.unused, { clients, seconds: duration, onCast: keep })
	);
	const statements = ((await statementsSoFar(bench)) - statementsBefore) / result.records.length;
	const ok = result.records.filter((r) => r.answer.kind === 'cast');
	const latencies = ok.map((r) => r.ms).sort((a, b) => a - b);
	const failures: Record<string, number> = {};
	for (const r of result.records) {
		if (r.answer.kind === 'cast') continue;
		const key = r.answer.kind === 'rejected' ? `HTTP ${r.answer.status}` : r.answer.kind;
		failures[key] = (failures[key] ?? 0) + 1;
	}
	if (result.unused.length === 0)
		console.warn(`  ${clients} clients: the voters of this step ran out before ${duration} s (raise BENCH_VOTERS)`);
	const side: Side = {
		rate: ok.length / result.seconds,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		errors: result.records.length - ok.length,
		count: ok.length,
		seconds: result.seconds,
		appCpuMs: (app * 1000) / Math.max(1, ok.length),
		dbCpuMs: (db * 1000) / Math.max(1, ok.length),
		statements
	};
	return { side, failures };
}

/** Prints the SQL statements of one cast (by the data set's last voter). */
async function printOneCast(bench: Bench, acknowledged: string[], all: CastRecord[]) {
	bench.server.send('trace');
	const { records } = await storm(bench, [bench.dataset.voters.length - 1], { clients: 1 });
	const { texts } = await traced(bench.server);
	console.log(`  SQL of one cast (${records[0].ms.toFixed(1)} ms, ${JSON.stringify(records[0].answer.kind)}):`);
	for (const t of texts) console.log(`    ${t.text.replace(/\s+/g, ' ').slice(0, 240)}`);
	all.push(...records);
	for (const r of records) if (r.answer.kind === 'cast') acknowledged.push(r.answer.receipt);
}

/**
 * The same clients, cookies and form bodies POSTed to `/bench/bare` (VOCEA_BENCH only: hooks, session read, form
 * parsing, 303 — no SQL of its own): what any form action costs on this server, whatever it does.
 */
async function bareSide(bench: Bench, slice: number[], clients: number): Promise<Side> {
	const latencies: number[] = [];
	let errors = 0;
	let next = 0;
	const post = (url: string, agent: http.Agent, voter: number) =>
		new Promise<boolean>((resolve) => {
			const { body, headers } = castRequest(bench.dataset, voter);
			const data = Buffer.from(body);
			const req = http.request(
				`${url}/bench/bare`,
				{
					method: 'POST',
					agent,
					headers: {
						...headers,
						origin: bench.origin,
						cookie: bench.dataset.voters[voter].cookie,
						'content-length': data.length
					}
				},
				(res) => {
					res.resume();
					res.on('end', () => resolve(res.statusCode === 303));
				}
			);
			req.on('error', () => resolve(false));
			req.end(data);
		});
	const run = async (seconds: number, record: boolean) => {
		const until = performance.now() + seconds * 1000;
		await Promise.all(
			Array.from({ length: clients }, async (_, i) => {
				const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
				const url = bench.urls[i % bench.urls.length];
				while (performance.now() < until) {
					const started = performance.now();
					const ok = await post(url, agent, slice[next++ % slice.length]);
					if (!record) continue;
					if (ok) latencies.push(performance.now() - started);
					else errors++;
				}
				agent.destroy();
			})
		);
	};
	await run(warmup, false);
	const started = performance.now();
	const { app, db } = await measuringCpu(bench, () => run(duration, true));
	const seconds = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	return {
		rate: latencies.length / seconds,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		errors,
		count: latencies.length,
		seconds,
		appCpuMs: (app * 1000) / Math.max(1, latencies.length),
		dbCpuMs: (db * 1000) / Math.max(1, latencies.length),
		statements: NaN
	};
}

const PGBENCH_TABLE = `CREATE TABLE IF NOT EXISTS bench_single_inserts (
	id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
	choices jsonb NOT NULL,
	receipt_hash text NOT NULL UNIQUE
)`;
const PGBENCH_SCRIPT =
	'INSERT INTO bench_single_inserts (choices, receipt_hash) VALUES (\'[{"zoneId":"z3","projectIds":["p1","p4","p7"]}]\', md5(random()::text || clock_timestamp()::text));\n';

async function pgbenchSide(bench: Bench, clients: number, dir: string): Promise<Side> {
	const script = join(dir, 'insert.sql');
	writeFileSync(script, PGBENCH_SCRIPT);
	const logs = mkdtempSync(join(dir, `c${clients}-`));
	const url = new URL(bench.databaseUrl);
	const base = ['-n', '-h', url.hostname, '-p', url.port, '-U', 'postgres', '-M', 'prepared', '-f', script];
	const threads = String(Math.min(clients, 2));
	const pgbench = join(bench.postgres.bin, 'pgbench');
	// Warm-up at the same concurrency (connections, caches), then the measured run with per-transaction logs.
	spawnSync(pgbench, [...base, '-c', String(clients), '-j', threads, '-T', String(warmup), 'vocea_bench'], {
		stdio: 'ignore'
	});
	// Not spawnSync: the CPU sampler must keep running while pgbench does.
	const { result, app, db } = await measuringCpu(
		bench,
		() =>
			new Promise<string>((resolve, reject) => {
				const child = spawn(pgbench, [
					...base,
					...['-c', String(clients), '-j', threads, '-T', String(duration)],
					...['-l', `--log-prefix=${logs}/tx`, 'vocea_bench']
				]);
				let out = '';
				let err = '';
				child.stdout.on('data', (d: Buffer) => (out += d));
				child.stderr.on('data', (d: Buffer) => (err += d));
				child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`pgbench failed: ${err}`))));
			})
	);
	const tps = Number(result.match(/tps = ([\d.]+)/)?.[1]);
	const failed = Number(result.match(/number of failed transactions: (\d+)/)?.[1] ?? 0);
	const latencies: number[] = [];
	for (const f of readdirSync(logs))
		for (const line of readFileSync(join(logs, f), 'utf8').split('\n'))
			if (line) latencies.push(Number(line.split(' ')[2]) / 1000);
	latencies.sort((a, b) => a - b);
	return {
		rate: tps,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		errors: failed,
		count: latencies.length,
		seconds: duration,
		appCpuMs: (app * 1000) / Math.max(1, latencies.length),
		dbCpuMs: (db * 1000) / Math.max(1, latencies.length),
		statements: NaN
	};
}

async function main() {
	const started = new Date();
	const bench = await setUp({
		port,
		voters,
		args,
		buildDir: process.env.BUILD_DIR || 'build-bench-budgets',
		kitOutDir: process.env.KIT_OUT_DIR || '.svelte-kit-bench-budgets',
		processes,
		nodeArgs: [
			...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
			// Counts the SQL statements the server sends (one increment each), for the SQL/cast column and --sql.
			'--import',
			'./bench/participation/count-queries.ts'
		]
	});
	const work = mkdtempSync(join(tmpdir(), 'vocea-bench-pgbench-'));
	bench.cleanups.add(() => rmSync(work, { recursive: true, force: true }));
	const loads: number[] = [];
	const loadSampler = setInterval(() => loads.push(loadavg()[0]), 1000);
	const rows: Row[] = [];
	const acknowledged: string[] = [];
	const all: CastRecord[] = [];
	let exitCode = 0;
	try {
		const settings = await bench.db.query(
			"SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers', 'max_connections') ORDER BY name"
		);
		await bench.db.query(PGBENCH_TABLE);
		if (args.includes('--sql')) await printOneCast(bench, acknowledged, all);
		// The last voter is kept for --sql.
		const perStep = Math.floor((bench.dataset.voters.length - 1) / clientCounts.length);
		for (const [i, clients] of clientCounts.entries()) {
			const slice = Array.from({ length: perStep }, (_, k) => i * perStep + k);
			const { side: casts, failures } = await castSide(bench, slice, clients, acknowledged, all);
			console.log(
				`  ${clients} clients: ${casts.rate.toFixed(0)} casts/s, p99 ${casts.p99.toFixed(1)} ms, ${casts.errors} not cast ${JSON.stringify(failures)}`
			);
			const bare = await bareSide(bench, slice, clients);
			console.log(`  ${clients} clients: bare form posts ${bare.rate.toFixed(0)}/s, p99 ${bare.p99.toFixed(1)} ms`);
			const pgb = await pgbenchSide(bench, clients, work);
			console.log(`  ${clients} clients: pgbench ${pgb.rate.toFixed(0)} inserts/s, p99 ${pgb.p99.toFixed(1)} ms`);
			rows.push({ clients, casts, bare, pgbench: pgb, failures });
		}
		clearInterval(loadSampler);
		const check = await checkBox(bench, acknowledged);
		const successful = all.filter((r) => r.answer.kind === 'cast').length;

		console.log('');
		console.log(machineLine(started));
		console.log(
			`load average (1 min) during the run: mean ${fixed(loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length), 1)}, max ${fixed(Math.max(...loads), 1)}`
		);
		console.log(
			`database: PostgreSQL ${bench.version}, ${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}`
		);
		console.log(
			`app: ${processes} process${processes === 1 ? '' : 'es'} (clients spread over them); data set: ${bench.dataset.voters.length} verified voters with sessions, ${bench.dataset.pots.length} pots × ${bench.dataset.pots[0]?.projects.length} projects (${bench.datasetSeconds.toFixed(1)} s); ${warmup} s warm-up + ${duration} s per step and side`
		);
		console.log('');
		printTable(
			[
				'clients',
				'casts/s',
				'p50 ms',
				'p95 ms',
				'p99 ms',
				'not cast',
				'bare posts/s',
				'bare p99',
				'pgbench inserts/s',
				'pgbench p50',
				'pgbench p95',
				'pgbench p99',
				'casts / pgbench',
				'bare / pgbench',
				'SQL/cast',
				'app CPU ms/cast',
				'DB CPU ms/cast',
				'DB CPU ms/insert'
			],
			rows.map((r) => [
				String(r.clients),
				fixed(r.casts.rate, 0),
				fixed(r.casts.p50, 1),
				fixed(r.casts.p95, 1),
				fixed(r.casts.p99, 1),
				String(r.casts.errors),
				fixed(r.bare.rate, 0),
				fixed(r.bare.p99, 1),
				fixed(r.pgbench.rate, 0),
				fixed(r.pgbench.p50, 1),
				fixed(r.pgbench.p95, 1),
				fixed(r.pgbench.p99, 1),
				`${fixed((100 * r.casts.rate) / r.pgbench.rate, 0)} %`,
				`${fixed((100 * r.bare.rate) / r.pgbench.rate, 0)} %`,
				fixed(r.casts.statements, 1),
				fixed(r.casts.appCpuMs, 2),
				fixed(r.casts.dbCpuMs, 2),
				fixed(r.pgbench.dbCpuMs, 3)
			])
		);
		console.log('');
		const missed = rows.filter((r) => r.casts.rate < 0.6 * r.pgbench.rate || r.casts.p99 >= 100 || r.casts.errors > 0);
		console.log(
			missed.length
				? `goal (≥ 60 % of pgbench, p99 < 100 ms, every cast accepted) missed at ${missed.map((r) => `${r.clients} clients`).join(', ')}`
				: 'goal (≥ 60 % of pgbench, p99 < 100 ms, every cast accepted) met at every client count'
		);
		console.log(
			`box check: ${successful} successful casts, ${check.boxRows} box rows, ${check.rollRows} roll rows, ` +
				`${check.doubledVoters} voters twice, ${check.missingReceipts} of ${check.acknowledged} acknowledged receipts missing`
		);
		if (
			check.boxRows !== successful ||
			check.rollRows !== successful ||
			check.doubledVoters > 0 ||
			check.missingReceipts > 0
		) {
			console.log('BOX CHECK FAILED');
			exitCode = 1;
		} else console.log('box check passed: box rows = roll rows = successful casts');
	} finally {
		clearInterval(loadSampler);
		await bench.cleanups.run();
	}
	process.exitCode = exitCode;
}

await main();
