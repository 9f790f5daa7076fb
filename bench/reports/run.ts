/**
 * Issue-6 benchmark (a benchmark, not a test; prints numbers): with 1,000,000 reports over the city on a throwaway
 * PostgreSQL, p95 latency at 20 concurrent clients of
 *   - Open311 `GET /open311/v2/requests.json?bbox=…&status=open` for a street-sized, a neighbourhood-sized and a
 *     city-wide box;
 *   - the public map's data `GET /reports/map.json?bbox=…` (points for a street-sized box; grid clusters for larger
 *     ones, answered from the server's 30-second cluster cache, and with a different box on every request so that
 *     nearly every request misses it);
 *   - report creation with a photo: Open311 `POST /open311/v2/requests.json` (multipart, `photo1` a JPEG from a
 *     phone camera) through `createReport`; reports per second (target ≥ 300/s).
 * Each row also gives the server's and the database's CPU per request (read from /proc) and SQL statements per
 * request; the load average is sampled during the run (the machine may be shared). `--explain` prints the SQL of one
 * request of each GET and its EXPLAIN ANALYZE on the benchmark database. Results go to docs/PERFORMANCE.md by hand.
 *
 * Run: node_modules/.bin/node bench/reports/run.ts [--rebuild|--no-build] [--only=<text>] [--explain] [--no-create]
 *        [--processes=2] [--profile=<dir>]
 *   or npm run bench:reports
 *   --processes=N: app processes (default 2: one per core, as docs/operations.md → Scaling runs them) on ports
 *     BENCH_PORT, BENCH_PORT + 1, …; the connections are split between them, as a proxy would
 *   --profile=<dir>: V8 CPU profiles of the app processes (written at their exit)
 * Env: BENCH_REPORTS (default 1,000,000), BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 3),
 *      BENCH_CONNECTIONS (default 20), BENCH_PORT (default 5400; PostgreSQL on BENCH_PORT + 10000),
 *      BENCH_POSTGRES_URL (use that server instead of a throwaway one), BUILD_DIR (default build-bench-reports),
 *      KIT_OUT_DIR (default .svelte-kit-bench-reports)
 */
import autocannon from 'autocannon';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { Cleanups } from '../support/cleanup.ts';
import { freshDatabase, startThrowawayPostgres } from '../support/postgres.ts';
import { fixed, machineLine, percentile, printTable } from '../support/report.ts';
import { buildServer, cpuSeconds, serverEnv, startServer, waitFor } from '../support/server.ts';
import { prepareImage } from '../../src/lib/server/platform/files/prepare-image.ts';
import type { ReportsDataset } from './dataset.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = option('only');
const processes = Number(option('processes') ?? 2);
const profile = option('profile');
const port = Number(process.env.BENCH_PORT ?? 5400);
const origin = `http://127.0.0.1:${port}`;
const duration = Number(process.env.BENCH_DURATION ?? 10);
const warmup = Number(process.env.BENCH_WARMUP ?? 3);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const reports = Number(process.env.BENCH_REPORTS ?? 1_000_000);
const API_KEY = 'bench-open311-key-0123456789';
const cleanups = new Cleanups();

/** A box of `widthM` × `heightM` metres centred on a point (lat, lng). */
function boxAround(lat: number, lng: number, widthM: number, heightM: number): [number, number, number, number] {
	const dLat = heightM / 2 / 111_320;
	const dLng = widthM / 2 / (111_320 * Math.cos((lat * Math.PI) / 180));
	const r = (v: number) => Number(v.toFixed(6));
	return [r(lng - dLng), r(lat - dLat), r(lng + dLng), r(lat + dLat)];
}

interface Target {
	name: string;
	/** A fixed path, or one made for each request. */
	path: string | (() => string);
	method?: 'GET' | 'POST';
	/** For POST: the body and its headers, made for each request. */
	body?: () => { body: Buffer; headers: Record<string, string> };
	/** What one answer must satisfy (checked once before the load). */
	check: (status: number, body: string) => string | null;
	/** The share of distinct paths sent so far (targets that vary the path). */
	distinct?: () => number;
	/** Status codes that count as success. */
	ok?: (status: number) => boolean;
}

interface Measurement {
	name: string;
	rate: number;
	p50: number;
	p95: number;
	p99: number;
	errors: number;
	kb: number;
	statements: number;
	/** Median latency of one client alone (ms). */
	single: number;
	/** For targets with a box per request: the share of distinct boxes among the requests sent. */
	distinct: number;
	serverCpuMs: number;
	dbCpuMs: number;
	load: number;
}

/** The count of SQL statements the server has sent, and their texts since a 'trace' message (count-queries.ts). */
function traced(server: ChildProcess): Promise<{ statements: number; texts: { text: string; values: unknown[] }[] }> {
	return new Promise((resolve) => {
		server.once('message', (m) => resolve(m as { statements: number; texts: { text: string; values: unknown[] }[] }));
		server.send('statements');
	});
}

async function backendPids(db: pg.Client): Promise<number[]> {
	const r = await db.query(
		"SELECT pid FROM pg_stat_activity WHERE datname = 'vocea_bench' AND pid <> pg_backend_pid()"
	);
	return r.rows.map((row) => row.pid as number);
}

/** Waits until the server answers a bare page promptly again, so a backlog of the previous run does not count here. */
async function settle() {
	const until = Date.now() + 60_000;
	while (Date.now() < until) {
		const t = performance.now();
		await (await fetch(`${origin}/healthz`)).arrayBuffer();
		if (performance.now() - t < 50) break;
		await new Promise((r) => setTimeout(r, 500));
	}
	await new Promise((r) => setTimeout(r, 500));
}

async function once(t: Target): Promise<{ status: number; body: string }> {
	const path = typeof t.path === 'string' ? t.path : t.path();
	const b = t.body?.();
	const res = await fetch(origin + path, {
		method: t.method ?? 'GET',
		body: b ? new Uint8Array(b.body) : undefined,
		headers: b?.headers
	});
	return { status: res.status, body: await res.text() };
}

async function explainOne(server: ChildProcess, db: pg.Client, t: Target) {
	server.send('trace');
	await once(t);
	const { texts } = await traced(server);
	console.log(`  SQL of one request to ${t.name}:`);
	for (const s of texts) {
		console.log(`    ${s.text.replace(/\s+/g, ' ').slice(0, 400)}`);
		if (!/^\s*select/i.test(s.text)) continue;
		const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values);
		const lines = plan.rows.map((r) => r['QUERY PLAN'] as string);
		const time = lines.find((l) => l.startsWith('Execution Time'));
		console.log(`      ${time}`);
		if (Number(time?.match(/[\d.]+/)?.[0]) > 0.5) for (const l of lines) console.log(`      | ${l}`);
	}
}

/** Statements sent so far by every app process together. */
async function statementsSoFar(servers: ChildProcess[]): Promise<number> {
	let n = 0;
	for (const server of servers) n += (await traced(server)).statements;
	return n;
}

const serversCpu = (servers: ChildProcess[]) => servers.reduce((sum, s) => sum + cpuSeconds(s.pid!), 0);

async function measure(servers: ChildProcess[], urls: string[], db: pg.Client, t: Target): Promise<Measurement | null> {
	const server = servers[0];
	await settle();
	const first = await once(t);
	if (first.status === 404) return null;
	const problem = t.check(first.status, first.body);
	if (problem) throw new Error(`${t.name}: ${problem} (status ${first.status}: ${first.body.slice(0, 300)})`);
	if (flag('explain') && (t.method ?? 'GET') === 'GET') await explainOne(server, db, t);

	// One client at a time first: statements per request and the latency without concurrency.
	const before = await statementsSoFar(servers);
	const sequential = 10;
	const singles: number[] = [];
	for (let i = 0; i < sequential; i++) {
		const t0 = performance.now();
		await once(t);
		singles.push(performance.now() - t0);
	}
	const statements = ((await statementsSoFar(servers)) - before) / sequential;
	singles.sort((a, b) => a - b);

	const requests = [
		{
			method: t.method ?? 'GET',
			setupRequest: (req: Record<string, unknown>) => {
				const b = t.body?.();
				return {
					...req,
					path: typeof t.path === 'string' ? t.path : t.path(),
					...(b ? { body: b.body, headers: { ...(req.headers as object), ...b.headers } } : {})
				};
			}
		}
	];
	// One autocannon per app process, the connections split between them (as a proxy would spread clients).
	const load = (seconds: number) =>
		urls.map((url, i) => {
			const share = Math.floor(connections / urls.length) + (i < connections % urls.length ? 1 : 0);
			// Accept-Encoding as browsers and HTTP libraries send it (a cached answer then goes out gzipped).
			const headers = { 'accept-encoding': 'gzip, deflate, br' };
			const options = { url, connections: share, requests, headers, timeout: 30, duration: seconds };
			return autocannon(options);
		});
	if (warmup > 0) await Promise.all(load(warmup));

	const pids = await backendPids(db);
	const dbBefore = new Map(pids.map((p) => [p, cpuSeconds(p)]));
	const serverBefore = serversCpu(servers);
	const loads: number[] = [];
	const sampler = setInterval(() => loads.push(loadavg()[0]), 1000);
	t.distinct?.();
	const latencies: number[] = [];
	let failed = 0;
	const isOk = t.ok ?? ((s: number) => s >= 200 && s < 300);
	const runs = load(duration);
	for (const run of runs)
		run.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
			if (isOk(status)) latencies.push(ms);
			else failed++;
		});
	const results = await Promise.all(runs);
	clearInterval(sampler);
	const serverCpu = serversCpu(servers) - serverBefore;
	let dbCpu = 0;
	for (const p of new Set([...pids, ...(await backendPids(db))])) {
		const after = cpuSeconds(p);
		if (after > 0) dbCpu += after - (dbBefore.get(p) ?? 0);
	}
	latencies.sort((a, b) => a - b);
	const n = results.reduce((sum, r) => sum + r.requests.total, 0);
	const seconds = Math.max(...results.map((r) => r.duration));
	return {
		name: t.name,
		rate: latencies.length / seconds,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		errors: failed + results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
		// Bytes per second on average × seconds, over every run: the bytes of an average answer.
		kb: results.reduce((sum, r) => sum + r.throughput.average * r.duration, 0) / Math.max(1, n) / 1024,
		statements,
		single: percentile(singles, 50),
		distinct: t.distinct?.() ?? NaN,
		serverCpuMs: (serverCpu * 1000) / Math.max(1, n),
		dbCpuMs: (dbCpu * 1000) / Math.max(1, n),
		load: loads.reduce((a, b) => a + b, 0) / Math.max(1, loads.length)
	};
}

const json = (status: number, body: string, test: (v: unknown) => boolean, what: string) => {
	if (status !== 200) return 'not 200';
	try {
		return test(JSON.parse(body)) ? null : what;
	} catch {
		return 'not JSON';
	}
};

/** A phone-camera-like JPEG (`width` × `height`, noisy so it does not compress to nothing), made once. */
async function phonePhoto(width: number, height: number): Promise<Buffer> {
	const noise = Buffer.alloc(width * height * 3);
	for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
	return sharp(noise, { raw: { width, height, channels: 3 } })
		.blur(1.5)
		.jpeg({ quality: 85 })
		.toBuffer();
}

/** The Open311 POST of one report with a photo, as a multipart body (FMS sends photos as photo1…). */
function createBody(
	photo: Buffer,
	i: number,
	city: ReportsDataset['city']
): { body: Buffer; headers: Record<string, string> } {
	const boundary = `----vocea-bench-${i}`;
	const [minLng, minLat, maxLng, maxLat] = city;
	// A spread of points inside the city's box (the neighbourhood is found from the point).
	const lat = minLat + (((i * 7919) % 1000) / 1000) * (maxLat - minLat) * 0.6 + (maxLat - minLat) * 0.2;
	const lng = minLng + (((i * 104729) % 1000) / 1000) * (maxLng - minLng) * 0.6 + (maxLng - minLng) * 0.2;
	const fields: Record<string, string> = {
		api_key: API_KEY,
		service_code: 'pothole',
		lat: lat.toFixed(6),
		long: lng.toFixed(6),
		description: `Groapă adâncă în carosabil, raportată de benchmark (${i}).`,
		'attribute[dangerous]': 'yes',
		email: `bench-${i}@bench.vocea.test`,
		first_name: 'Bench',
		last_name: 'Reporter'
	};
	const parts: Buffer[] = [];
	for (const [k, v] of Object.entries(fields))
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
	parts.push(
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="photo1"; filename="IMG_${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`
		),
		photo,
		Buffer.from(`\r\n--${boundary}--\r\n`)
	);
	return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function main() {
	const started = new Date();
	const dataDir = mkdtempSync(join(tmpdir(), 'vocea-bench-data-'));
	cleanups.add(() => rmSync(dataDir, { recursive: true, force: true }));
	for (const signal of ['SIGINT', 'SIGTERM'] as const)
		process.once(signal, () => void cleanups.run().finally(() => process.exit(130)));
	// The migrations as they are now, for every step of the run (the tree may change while the benchmark runs).
	const migrations = join(dataDir, 'drizzle');
	cpSync('drizzle', migrations, { recursive: true });
	const buildDir = process.env.BUILD_DIR || 'build-bench-reports';
	buildServer({
		buildDir,
		kitOutDir: process.env.KIT_OUT_DIR || '.svelte-kit-bench-reports',
		origin,
		force: flag('rebuild'),
		reuse: flag('no-build')
	});
	const serverUrl =
		process.env.BENCH_POSTGRES_URL || startThrowawayPostgres(port + 10000, cleanups, { max_connections: 200 }).url;
	const { url: databaseUrl, version } = await freshDatabase(serverUrl, 'vocea_bench');
	const env = {
		...serverEnv({ databaseUrl, dataDir, port, origin }),
		MIGRATIONS_DIR: migrations,
		SEED_DEMO: '0',
		OPEN311_API_KEYS: API_KEY,
		// The benchmark is one client sending thousands of reports a minute.
		OPEN311_RATE_LIMIT: '100000000',
		BENCH_REPORTS: String(reports),
		BENCH_REPORTS_FILE: join(dataDir, 'reports.json')
	};
	console.log(`preparing the database (PostgreSQL ${version}): migrations, administrator, neighbourhoods …`);
	const prep = spawnSync(
		process.execPath,
		['-e', `import('./scripts/prepare.ts').then(m => m.prepare({ origin: '${origin}' }))`],
		{ stdio: ['ignore', 'ignore', 'inherit'], env }
	);
	if (prep.status !== 0) throw new Error('prepare failed');
	console.log(`generating ${reports} reports …`);
	const fill = spawnSync(process.execPath, ['bench/reports/dataset.ts'], { stdio: 'inherit', env });
	if (fill.status !== 0) throw new Error('generating the reports failed');
	const dataset = JSON.parse(readFileSync(env.BENCH_REPORTS_FILE, 'utf8')) as ReportsDataset;

	const db = new pg.Client({ connectionString: databaseUrl });
	await db.connect();
	cleanups.add(() => db.end());
	// As autovacuum leaves a table on a live server: statistics, and the visibility map for index-only scans.
	await db.query('VACUUM ANALYZE reports_reports');
	const tableSize = (await db.query("SELECT pg_size_pretty(pg_total_relation_size('reports_reports')) AS s")).rows[0].s;

	const nodeArgs = [
		...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
		'--import',
		'./bench/participation/count-queries.ts'
	];
	const servers: ChildProcess[] = [];
	const urls: string[] = [];
	for (let i = 0; i < processes; i++) {
		// The same ORIGIN on each port: the app builds its URLs from ORIGIN, as behind a proxy.
		const url = `http://127.0.0.1:${port + i}`;
		servers.push(startServer(buildDir, { ...env, PORT: String(port + i) }, cleanups, nodeArgs));
		await waitFor(`${url}/healthz`, 60_000);
		urls.push(url);
	}

	// Piața Victoriei (the centre), a neighbourhood-sized box around it, and the whole city.
	const street = boxAround(45.7537, 21.2257, 300, 300);
	const quarter = boxAround(45.7537, 21.2257, 2000, 2000);
	const city = dataset.city;
	// A different box on every request (nearly every one misses the cluster cache, keyed by the grid-snapped box): the
	// city box grown by 0–6 grid cells on each side, so it still covers every report.
	let k = 0;
	const sent = { total: 0, boxes: new Set<string>() };
	const grownCity = () => {
		k++;
		const cell = 2 ** Math.ceil(Math.log2(Math.max(city[2] - city[0], city[3] - city[1]) / 24));
		const grow = [k % 7, Math.floor(k / 7) % 7, Math.floor(k / 49) % 7, Math.floor(k / 343) % 7];
		const box = [
			city[0] - grow[0] * cell,
			city[1] - grow[1] * cell,
			city[2] + grow[2] * cell,
			city[3] + grow[3] * cell
		].map((v) => v.toFixed(6));
		sent.total++;
		sent.boxes.add(box.join(','));
		return box;
	};
	const distinct = () => {
		const share = sent.boxes.size / Math.max(1, sent.total);
		sent.total = 0;
		sent.boxes.clear();
		return share;
	};
	// A street-sized box moved by a few metres on every request (every request misses the page cache).
	let m = 0;
	const movedStreet = () => {
		m++;
		const box = boxAround(45.7537 + ((m % 97) - 48) * 0.00005, 21.2257 + (Math.floor(m / 97) % 97) * 0.00005, 300, 300);
		sent.total++;
		sent.boxes.add(box.join(','));
		return box;
	};
	const open311 = (b: (number | string)[]) => `/open311/v2/requests.json?bbox=${b.join(',')}&status=open`;
	const map = (b: (number | string)[], extra = '') => `/reports/map.json?bbox=${b.join(',')}${extra}`;
	const isList = (v: unknown) => Array.isArray(v);
	const points = (v: unknown) => (v as { kind?: string }).kind === 'points';
	const clusters = (v: unknown) => (v as { kind?: string }).kind === 'clusters';
	const photos = { phone: await phonePhoto(1600, 1200), small: await phonePhoto(640, 480) };
	let n = 0;
	const targets: Target[] = [
		{ name: 'open311 bbox 300 m, open', path: open311(street), check: (s, b) => json(s, b, isList, 'not a list') },
		{ name: 'open311 bbox 2 km, open', path: open311(quarter), check: (s, b) => json(s, b, isList, 'not a list') },
		{ name: 'open311 bbox city, open', path: open311(city), check: (s, b) => json(s, b, isList, 'not a list') },
		{
			name: 'open311 bbox city, open, page_size=100',
			path: `${open311(city)}&page_size=100`,
			check: (s, b) => json(s, b, isList, 'not a list')
		},
		{
			name: 'open311 bbox 300 m, open, a new box each time',
			distinct,
			path: () => open311(movedStreet()),
			check: (s, b) => json(s, b, isList, 'not a list')
		},
		{
			name: 'map 300 m, open (points)',
			path: map(street, '&state=open'),
			check: (s, b) => json(s, b, points, 'no points')
		},
		{ name: 'map 300 m, all (points)', path: map(street), check: (s, b) => json(s, b, points, 'no points') },
		{
			name: 'map 300 m, open (points, a new box each time)',
			distinct,
			path: () => map(movedStreet(), '&state=open'),
			check: (s, b) => json(s, b, points, 'no points')
		},
		{
			name: 'map 2 km, open (clusters, cached)',
			path: map(quarter, '&state=open'),
			check: (s, b) => json(s, b, clusters, 'no clusters')
		},
		{
			name: 'map city, open (clusters, cached)',
			path: map(city, '&state=open'),
			check: (s, b) => json(s, b, clusters, 'no clusters')
		},
		{
			name: 'map city, open (clusters, a new box each time)',
			distinct,
			path: () => map(grownCity(), '&state=open'),
			check: (s, b) => json(s, b, clusters, 'no clusters')
		},
		{
			name: 'map city, all (clusters, a new box each time)',
			distinct,
			path: () => map(grownCity()),
			check: (s, b) => json(s, b, clusters, 'no clusters')
		}
	];
	if (!flag('no-create'))
		for (const [label, photo] of Object.entries(photos))
			targets.push({
				name: `create with photo (${label} ${Math.round(photo.length / 1024)} KB)`,
				path: '/open311/v2/requests.json',
				method: 'POST',
				body: () => createBody(photo, n++, city),
				check: (s, b) => (s === 201 || s === 200 ? json(200, b, isList, 'no request id') : 'not created'),
				ok: (s) => s === 200 || s === 201
			});
	// What checking and cleaning one photo costs on its own (sharp: decode, auto-rotate, re-encode without metadata),
	// in this process, one at a time: the part of a report's creation that no index or query changes.
	const imageCosts: string[] = [];
	if (!flag('no-create'))
		for (const [label, photo] of Object.entries(photos)) {
			const cpu0 = process.cpuUsage();
			const t0 = performance.now();
			for (let i = 0; i < 10; i++) {
				const prepared = await prepareImage(new File([new Uint8Array(photo)], 'IMG.jpg', { type: 'image/jpeg' }));
				if (!prepared.ok)
					throw new Error(`prepareImage refused the ${label} photo: ${JSON.stringify(prepared.errors)}`);
			}
			const cpu = process.cpuUsage(cpu0);
			imageCosts.push(
				`prepareImage, ${label} photo: ${((performance.now() - t0) / 10).toFixed(1)} ms wall, ` +
					`${((cpu.user + cpu.system) / 1000 / 10).toFixed(1)} ms CPU per image (one at a time, in the benchmark process)`
			);
		}
	const rows: Measurement[] = [];
	const missing: string[] = [];
	console.log(`load: ${connections} connections, ${warmup} s warm-up, ${duration} s measured per target`);
	for (const t of targets.filter((x) => !only || x.name.includes(only))) {
		const m = await measure(servers, urls, db, t);
		if (!m) {
			missing.push(t.name);
			console.log(`  ${t.name}: 404, not measured (not built yet?)`);
			continue;
		}
		console.log(`  ${t.name}: ${m.rate.toFixed(0)}/s, p95 ${m.p95.toFixed(1)} ms, ${m.errors} errors`);
		rows.push(m);
	}
	const created = Number(
		(await db.query("SELECT count(*) AS n FROM reports_reports WHERE channel = 'open311'")).rows[0].n
	);
	const photosStored = Number((await db.query('SELECT count(*) AS n FROM reports_photos')).rows[0].n);

	console.log('');
	console.log(machineLine(started).replace('load average now', 'load average at the end'));
	console.log(
		`database: PostgreSQL ${version}; data set: ${dataset.count} reports over ${dataset.neighbourhoods.length} neighbourhoods, ` +
			`reports_reports ${tableSize} (load ${dataset.loadSeconds.toFixed(0)} s, indexes ${dataset.indexSeconds.toFixed(0)} s)`
	);
	console.log(
		`boxes: 300 m ${street.join(',')}; 2 km ${quarter.join(',')}; city ${city.map((v) => v.toFixed(4)).join(',')}`
	);
	console.log('');
	printTable(
		[
			'target',
			'req/s',
			'p50 ms',
			'p95 ms',
			'p99 ms',
			'errors',
			'KB',
			'SQL/req',
			'1 client ms',
			'server CPU ms/req',
			'DB CPU ms/req',
			'load avg'
		],
		rows.map((r) => [
			r.name,
			fixed(r.rate, 0),
			fixed(r.p50, 1),
			fixed(r.p95, 1),
			fixed(r.p99, 1),
			String(r.errors),
			fixed(r.kb, 1),
			fixed(r.statements, 1),
			fixed(r.single, 1),
			fixed(r.serverCpuMs, 2),
			fixed(r.dbCpuMs, 2),
			fixed(r.load, 1)
		])
	);
	console.log('');
	if (!flag('no-create')) console.log(`created through Open311: ${created} reports, ${photosStored} photos stored`);
	for (const line of imageCosts) console.log(line);
	for (const r of rows.filter((x) => Number.isFinite(x.distinct)))
		console.log(`${r.name}: ${(100 * r.distinct).toFixed(0)} % of the boxes sent were distinct (cache misses)`);
	for (const m of missing) console.log(`not measured (404): ${m}`);
	const creates = rows.filter((r) => r.name.startsWith('create'));
	for (const c of creates)
		console.log(`${c.name}: ${c.rate.toFixed(0)} reports/s — target ≥ 300/s ${c.rate >= 300 ? 'met' : 'missed'}`);
}

try {
	await main();
} finally {
	await cleanups.run();
}
