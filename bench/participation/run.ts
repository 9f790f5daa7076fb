/**
 * Issue-4 benchmark (a benchmark, not a test; prints numbers): the process page, the proposal list and a proposal
 * page with a long comment thread, anonymous and signed in, at 20 concurrent connections, side by side with the same
 * server's bare page (hooks and layout, no database work of its own). Results go to docs/PERFORMANCE.md by hand.
 *
 * Run: node_modules/.bin/node bench/participation/run.ts [--pglite] [--rebuild] [--only=<page>] [--sql]
 *   or npm run bench:participation
 *   --rebuild / --no-build: build even if the build looks current / reuse the existing build whatever its age
 *   --only=<text>: measure only the pages whose name contains it (the bare page always runs)
 *   --who=anonymous|signed|js: measure the pages only for that visitor (signed: with and without JavaScript; js: a
 *      signed-in browser running our JavaScript, which gets shared pages); the bare page always runs for both
 *   --skip-bare: leave out the bare page (to profile one page alone; no "× bare" then)
 *   --sql: print the SQL statements of one request to each page
 *   --explain: also EXPLAIN ANALYZE each of them (PostgreSQL), with the plan of those over 0.5 ms
 *   --save=<dir>: keep the HTML of each page there
 *   --profile=<dir>: write a V8 CPU profile of the server into <dir> (at its exit)
 * Env: BENCH_POSTGRES_URL  a PostgreSQL server to use (a database `vocea_bench` is dropped and recreated there);
 *                          without it a throwaway PostgreSQL is started from /usr/lib/postgresql/<v>/bin
 *      BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 3), BENCH_CONNECTIONS (default 20),
 *      BENCH_PORT (default 4217), BUILD_DIR (default build-bench), KIT_OUT_DIR (default .svelte-kit-bench)
 *
 * Steps: build the production server (reused when newer than every source file), create the database, migrate and
 * seed it (scripts/prepare.ts: demo processes and citizens), fill the data set with bulk SQL (dataset.ts), start
 * `node <build>/index.js` with a statement counter preloaded (count-queries.ts), sign a demo citizen in through the
 * real form, check each page once, then drive autocannon against each page: warm-up, then a fixed duration.
 */
import autocannon from 'autocannon';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Cleanups } from '../support/cleanup.ts';
import { freshDatabase, startThrowawayPostgres } from '../support/postgres.ts';
import { fixed, machineLine, percentile, printTable } from '../support/report.ts';
import { buildServer, cpuSeconds, serverEnv, startServer as startBuiltServer, waitFor } from '../support/server.ts';
import type { BenchTargets } from './dataset.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const whoOnly = args.find((a) => a.startsWith('--who='))?.slice('--who='.length);
const usePglite = flag('pglite');
const port = Number(process.env.BENCH_PORT ?? 4217);
const origin = `http://127.0.0.1:${port}`;
const buildDir = process.env.BUILD_DIR || 'build-bench';
const kitOutDir = process.env.KIT_OUT_DIR || '.svelte-kit-bench';
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const citizen = { email: 'ana.popescu@demo.vocea.local', password: 'vocea-demo-2026' };

const cleanups = new Cleanups();

function build() {
	buildServer({ buildDir, kitOutDir, origin, force: flag('rebuild'), reuse: flag('no-build') });
}

// ---------- database ----------

interface BenchDatabase {
	kind: 'postgres' | 'pglite';
	/** For the server and the scripts: DATABASE_URL ('' = PGlite under DATA_DIR). */
	url: string;
	label: string;
}

async function createDatabase(): Promise<BenchDatabase> {
	if (usePglite) return { kind: 'pglite', url: '', label: 'PGlite (embedded, in the server process)' };
	const serverUrl = process.env.BENCH_POSTGRES_URL || startThrowawayPostgres(port + 10000, cleanups).url;
	const { url, version } = await freshDatabase(serverUrl, 'vocea_bench');
	return { kind: 'postgres', url, label: `PostgreSQL ${version}` };
}

// ---------- server ----------

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
	const profile = args.find((a) => a.startsWith('--profile='))?.slice('--profile='.length);
	return startBuiltServer(buildDir, env, cleanups, [
		...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
		'--import',
		'./bench/participation/count-queries.ts'
	]);
}

/** The number of SQL statements the server has sent so far (from the preloaded counter). */
function statementsSent(server: ChildProcess): Promise<number> {
	return traced(server).then((t) => t.statements);
}

interface Statement {
	text: string;
	values: unknown[];
}

/** The count, and the statements (text and parameters) since the last 'trace' message. */
function traced(server: ChildProcess): Promise<{ statements: number; texts: Statement[] }> {
	return new Promise((resolve) => {
		server.once('message', (m) => resolve(m as { statements: number; texts: Statement[] }));
		server.send('statements');
	});
}

// ---------- signing in ----------

async function signIn(): Promise<string> {
	const res = await fetch(`${origin}/account/sign-in`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(citizen)
	});
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (res.status !== 303 || !cookies.some((c) => c.includes('session_token')))
		throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
	return cookies.join('; ');
}

// ---------- measuring ----------

interface Target {
	name: string;
	path: string;
	/** Text the page must contain (checked once before the load). */
	expect: string[];
	/** Served shared to signed-in visitors whose browser runs our JavaScript (ADR 0007). */
	shared?: boolean;
}

interface Measurement {
	name: string;
	/** "signed in, JS": a browser that runs our JavaScript (the `vocea_js` cookie), which gets shared pages. */
	who: 'anonymous' | 'signed in' | 'signed in, JS';
	requestsPerSecond: number;
	p50: number;
	p95: number;
	p99: number;
	max: number;
	errors: number;
	kbPerResponse: number;
	statementsPerRequest: number;
	serverCpuMs: number;
	dbCpuMs: number;
	loadCpuMs: number;
}

/** Waits until the server answers the bare page promptly again (up to 60 s), i.e. an earlier backlog is served. */
async function settle() {
	const until = Date.now() + 60_000;
	while (Date.now() < until) {
		const t = performance.now();
		await (await fetch(`${origin}/bench/bare`)).arrayBuffer();
		if (performance.now() - t < 50) break;
		await new Promise((r) => setTimeout(r, 500));
	}
	await new Promise((r) => setTimeout(r, 500));
}

async function backendPids(db: pg.Client | null): Promise<number[]> {
	if (!db) return [];
	const r = await db.query(
		"SELECT pid FROM pg_stat_activity WHERE datname = 'vocea_bench' AND pid <> pg_backend_pid()"
	);
	return r.rows.map((row) => row.pid as number);
}

async function measure(
	server: ChildProcess,
	db: pg.Client | null,
	target: Target,
	who: Measurement['who'],
	cookie: string | null
): Promise<Measurement | null> {
	const url = origin + target.path;
	const headers: Record<string, string> = { accept: 'text/html' };
	if (cookie) headers.cookie = who === 'signed in, JS' ? `${cookie}; vocea_js=1` : cookie;

	// Requests still in flight from the previous run finish first (they would count, and compete, here).
	await settle();
	const check = await fetch(url, { headers });
	const html = await check.text();
	if (check.status === 404) return null;
	const save = args.find((a) => a.startsWith('--save='))?.slice('--save='.length);
	if (save) {
		mkdirSync(save, { recursive: true });
		writeFileSync(join(save, `${target.name.replace(/[^a-z0-9]+/gi, '-')}-${who.replace(' ', '-')}.html`), html);
	}
	const marker = cookie ? '/account/sign-out' : '/account/sign-in';
	for (const text of [marker, ...target.expect])
		if (check.status !== 200 || !html.includes(text))
			throw new Error(`${target.name} (${who}): status ${check.status}, missing ${JSON.stringify(text)}`);
	// Served shared with this person's parts attached (not rendered for them, not another person's).
	if (who === 'signed in, JS' && (!check.headers.get('x-vocea-cache') || !html.includes('"me":{"id":')))
		throw new Error(`${target.name} (${who}): not served shared with the person's parts`);

	if (flag('sql') || flag('explain')) {
		server.send('trace');
		await (await fetch(url, { headers })).arrayBuffer();
		const { texts } = await traced(server);
		console.log(`  SQL of one request to ${target.name} (${who}):`);
		for (const t of texts) {
			console.log(`    ${t.text.replace(/\s+/g, ' ').slice(0, 300)}`);
			if (!flag('explain') || !db || !/^\s*select/i.test(t.text)) continue;
			const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${t.text}`, t.values);
			const lines = plan.rows.map((r) => r['QUERY PLAN'] as string);
			const time = lines.find((l) => l.startsWith('Execution Time'));
			console.log(`      ${time}`);
			// Plans only for the statements worth a look.
			if (Number(time?.match(/[\d.]+/)?.[0]) > 0.5) for (const l of lines) console.log(`      | ${l}`);
		}
	}

	// Statements per request: a few sequential requests, outside the timed run.
	const before = await statementsSent(server);
	const sequential = 20;
	for (let i = 0; i < sequential; i++) await (await fetch(url, { headers })).arrayBuffer();
	// Counted through `pg` only: on PGlite the database runs inside the server (its CPU is in the server's column).
	const statementsPerRequest = db ? ((await statementsSent(server)) - before) / sequential : NaN;

	if (warmup > 0) await autocannon({ url, connections, duration: warmup, headers });

	const pids = await backendPids(db);
	const dbBefore = new Map(pids.map((p) => [p, cpuSeconds(p)]));
	const serverBefore = cpuSeconds(server.pid!);
	const loadBefore = process.cpuUsage();
	const latencies: number[] = [];
	const run = autocannon({ url, connections, duration, headers });
	run.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
		if (status >= 200 && status < 300) latencies.push(ms);
	});
	const result = await run;
	const load = process.cpuUsage(loadBefore);
	const serverCpu = cpuSeconds(server.pid!) - serverBefore;
	let dbCpu = 0;
	// Backends that exited during the run (a pool replacing a connection) are left out rather than counted negative.
	for (const p of new Set([...pids, ...(await backendPids(db))])) {
		const after = cpuSeconds(p);
		if (after > 0) dbCpu += after - (dbBefore.get(p) ?? 0);
	}

	latencies.sort((a, b) => a - b);
	const n = result.requests.total;
	return {
		name: target.name,
		who,
		requestsPerSecond: n / result.duration,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		max: latencies.at(-1) ?? NaN,
		errors: result.errors + result.non2xx,
		kbPerResponse: result.throughput.average / result.requests.average / 1024,
		statementsPerRequest,
		serverCpuMs: (serverCpu * 1000) / n,
		dbCpuMs: (dbCpu * 1000) / n,
		loadCpuMs: (load.user + load.system) / 1000 / n
	};
}

function report(rows: Measurement[], baseline: number) {
	const head = [
		'page',
		'who',
		'req/s',
		'× bare',
		'p50 ms',
		'p95 ms',
		'p99 ms',
		'max ms',
		'errors',
		'KB',
		'SQL/req',
		'server CPU ms/req',
		'DB CPU ms/req',
		'load gen CPU ms/req'
	];
	const lines = rows.map((r) => [
		r.name,
		r.who,
		fixed(r.requestsPerSecond, 0),
		fixed(r.requestsPerSecond / baseline, 2),
		fixed(r.p50, 1),
		fixed(r.p95, 1),
		fixed(r.p99, 1),
		fixed(r.max, 0),
		String(r.errors),
		fixed(r.kbPerResponse, 1),
		fixed(r.statementsPerRequest, 1),
		fixed(r.serverCpuMs, 2),
		fixed(r.dbCpuMs, 2),
		fixed(r.loadCpuMs, 2)
	]);
	printTable(head, lines);
}

function targetsFor(t: BenchTargets): Target[] {
	const base = `/processes/${t.processSlug}/proposals/${t.moduleId}`;
	return [
		{ name: 'process page', path: `/processes/${t.processSlug}`, expect: ['<h1'], shared: true },
		{ name: 'proposal list, page 1', path: base, expect: t.listExpect, shared: true },
		{ name: `proposal list, ${t.filterLabel}`, path: `${base}?${t.filterQuery}`, expect: t.filterExpect, shared: true },
		{ name: `proposal list, ${t.laterLabel}`, path: `${base}?${t.laterQuery}`, expect: t.laterExpect, shared: true },
		{ name: `proposal, ${t.threadLabel}`, path: `${base}/${t.threadProposalId}`, expect: t.threadExpect }
	];
}

// ---------- main ----------

async function main() {
	const started = new Date();
	const dataDir = mkdtempSync(join(tmpdir(), 'vocea-bench-data-'));
	cleanups.add(() => rmSync(dataDir, { recursive: true, force: true }));
	// The migrations as they are now, for every step of the run (the tree may change while the benchmark runs).
	const migrations = join(dataDir, 'drizzle');
	cpSync('drizzle', migrations, { recursive: true });
	build();
	const database = await createDatabase();
	const env = {
		...serverEnv({ databaseUrl: database.url, dataDir, port, origin }),
		MIGRATIONS_DIR: migrations
	};

	console.log(`preparing the database (${database.label}): migrations, demo data …`);
	const prep = spawnSync(
		process.execPath,
		['-e', `import('./scripts/prepare.ts').then(m => m.prepare({ origin: '${origin}' }))`],
		{ stdio: ['ignore', 'ignore', 'inherit'], env }
	);
	if (prep.status !== 0) throw new Error('prepare failed');

	console.log('filling the data set …');
	const t0 = performance.now();
	const fill = spawnSync(process.execPath, ['bench/participation/dataset.ts'], {
		stdio: ['ignore', 'pipe', 'inherit'],
		env,
		encoding: 'utf8',
		maxBuffer: 64 * 2 ** 20
	});
	const line = fill.stdout.split('\n').find((l) => l.startsWith('BENCH_TARGETS '));
	if (fill.status !== 0 || !line) throw new Error(`filling the data set failed:\n${fill.stdout}`);
	const filled = JSON.parse(line.slice('BENCH_TARGETS '.length)) as { description: string; targets: BenchTargets };
	console.log(`  ${filled.description} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);

	const server = startServer(env);
	await waitFor(`${origin}/healthz`, 60_000);
	const db = database.kind === 'postgres' ? new pg.Client({ connectionString: database.url }) : null;
	if (db) {
		await db.connect();
		cleanups.add(() => db.end());
	}
	// better-auth's session cookie cache (auth.ts) lasts 5 minutes and autocannon never takes the refreshed cookie it
	// sends back: sign in again before it runs out, so every signed-in run measures the steady state of a browser.
	let cookie = await signIn();
	let signedInAt = Date.now();
	const freshCookie = async () => {
		if (Date.now() - signedInAt > 4 * 60_000) [cookie, signedInAt] = [await signIn(), Date.now()];
		return cookie;
	};

	const bare: Target = { name: 'bare page', path: '/bench/bare', expect: ['<h1'] };
	const pages = targetsFor(filled.targets).filter((t) => !only || t.name.includes(only));
	const rows: Measurement[] = [];
	const missing: string[] = [];
	const run = async (t: Target, who: Measurement['who']) => {
		const m = await measure(server, db, t, who, who === 'anonymous' ? null : await freshCookie());
		if (!m) {
			missing.push(`${t.name} (${who}): ${t.path}`);
			return console.log(`  ${t.name} (${who}): 404, not measured`);
		}
		console.log(
			`  ${t.name} (${who}): ${m.requestsPerSecond.toFixed(0)} req/s, p95 ${m.p95.toFixed(1)} ms, ${m.errors} errors`
		);
		rows.push(m);
	};
	console.log(`load: ${connections} connections, ${warmup} s warm-up, ${duration} s measured per page`);
	// --skip-bare (profiling one page): no baseline, so no "× bare" either.
	if (!flag('skip-bare')) {
		await run(bare, 'anonymous');
		await run(bare, 'signed in');
	}
	for (const t of pages) {
		if (!whoOnly || whoOnly === 'anonymous') await run(t, 'anonymous');
		if (!whoOnly || whoOnly === 'signed') await run(t, 'signed in');
		if ((!whoOnly || whoOnly === 'signed' || whoOnly === 'js') && t.shared) await run(t, 'signed in, JS');
	}
	// The baseline again at the end: how much the machine drifted during the run.
	if (!flag('skip-bare')) await run({ ...bare, name: 'bare page (again)' }, 'anonymous');

	const bareRuns = rows.filter((r) => r.name.startsWith('bare page') && r.who === 'anonymous');
	// The better of the two bare runs is the baseline, so the ratio is never flattered by a slow baseline.
	const baseline = Math.max(...bareRuns.map((r) => r.requestsPerSecond));
	console.log('');
	console.log(machineLine(started).replace('load average now', 'load average at the end'));
	console.log(`database: ${database.label}; data set: ${filled.description}`);
	console.log(`baseline (× bare): ${baseline.toFixed(0)} req/s, anonymous bare page, the better of two runs`);
	console.log('');
	report(rows, baseline);
	const target = rows.filter((r) => !r.name.startsWith('bare page'));
	const missed = target.filter((r) => r.p95 >= 50 || r.requestsPerSecond < baseline / 2 || r.errors > 0);
	console.log('');
	for (const m of missing) console.log(`not measured (404): ${m}`);
	console.log(
		missed.length || missing.length
			? `goal (p95 < 50 ms, ≥ 0.5 × bare, no errors) missed by: ${missed.map((r) => `${r.name} (${r.who})`).join(', ')}`
			: 'goal (p95 < 50 ms, ≥ 0.5 × bare, no errors) met by every page'
	);
}

try {
	await main();
} finally {
	await cleanups.run();
}
