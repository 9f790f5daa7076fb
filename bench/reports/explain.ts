/**
 * Which indexes the box queries use, on PostgreSQL and on PGlite: fills the database of this process (DATABASE_URL,
 * or PGlite under DATA_DIR) with BENCH_REPORTS reports (default 200,000) unless it has some, then runs the Open311
 * list query (bbox + status=open, the default 90-day window) and the public map's queries (points, clusters) for a
 * street-sized, a neighbourhood-sized and a city-wide box, then the browse list's pages, capturing the SQL they send,
 * and prints the EXPLAIN ANALYZE of each: the scan nodes and the execution time. A check, not a test: read the output.
 *
 * Run: DATABASE_URL= DATA_DIR=<empty dir> node_modules/.bin/node bench/reports/explain.ts        (PGlite)
 *      DATABASE_URL=postgres://…/<empty db> node_modules/.bin/node bench/reports/explain.ts      (PostgreSQL)
 */
import { closeDatabase, getDatabase } from '../../src/lib/server/platform/db/index.ts';
/* eslint-disable no-restricted-imports -- the check calls the module's own queries to see their plans */
import { findRequests } from '../../src/lib/server/modules/reports/open311/queries.ts';
import { clearMapCache, mapData, parseMapQuery } from '../../src/lib/server/modules/reports/map-data.ts';
import { viewReportList } from '../../src/lib/server/modules/reports/views.ts';
/* eslint-enable no-restricted-imports */
import { anonymous } from '../../src/lib/server/platform/actors/actor.ts';
import { execOf, makeDataset } from './dataset.ts';

type Captured = { text: string; params: unknown[] };

function boxAround(lat: number, lng: number, metres: number): [number, number, number, number] {
	const dLat = metres / 2 / 111_320;
	const dLng = metres / 2 / (111_320 * Math.cos((lat * Math.PI) / 180));
	return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}

async function main() {
	const database = await getDatabase();
	const exec = await execOf();
	const existing = await exec('SELECT module_id, count(*)::int AS n FROM reports_reports GROUP BY 1 ORDER BY 2 DESC');
	let moduleId = existing.rows[0]?.module_id as string | undefined;
	if (!moduleId || Number(existing.rows[0].n) < 1000) {
		const count = Number(process.env.BENCH_REPORTS ?? 200_000);
		console.log(`generating ${count} reports …`);
		moduleId = (await makeDataset(count)).moduleId;
	}
	await exec('VACUUM ANALYZE reports_reports');
	const total = (await exec('SELECT count(*)::int AS n FROM reports_reports')).rows[0].n;
	console.log(`${database.kind}: ${total} reports`);

	// Every statement the queries send, with its parameters.
	let captured: Captured[] = [];
	if (database.pool) {
		const pool = database.pool;
		const query = pool.query.bind(pool) as (...a: unknown[]) => unknown;
		(pool as unknown as { query: unknown }).query = (q: unknown, values?: unknown) => {
			const text = typeof q === 'string' ? q : (q as { text: string }).text;
			const params = (typeof q === 'object' && (q as { values?: unknown[] }).values) || (values as unknown[]) || [];
			captured.push({ text, params });
			return query(q, values);
		};
	} else {
		const lite = database.pglite!;
		const query = lite.query.bind(lite);
		lite.query = ((text: string, params?: unknown[], options?: unknown) => {
			captured.push({ text, params: params ?? [] });
			return query(text, params, options as never);
		}) as typeof lite.query;
	}

	const centre = { lat: 45.7537, lng: 21.2257 };
	const city = (await exec('SELECT min(lng) a, min(lat) b, max(lng) c, max(lat) d FROM reports_reports')).rows[0];
	const boxes: [string, [number, number, number, number]][] = [
		['300 m', boxAround(centre.lat, centre.lng, 300)],
		['2 km', boxAround(centre.lat, centre.lng, 2000)],
		['city', [Number(city.a), Number(city.b), Number(city.c), Number(city.d)]]
	];
	const now = new Date();
	const runs: { name: string; call: () => Promise<unknown> }[] = [];
	for (const [label, [west, south, east, north]] of boxes) {
		runs.push({
			name: `open311 requests, bbox ${label}, status=open`,
			call: () =>
				findRequests(database.db, moduleId, {
					status: ['open'],
					from: new Date(now.getTime() - 90 * 86_400_000),
					bbox: { west, south, east, north },
					serviceCodes: [],
					limit: 50,
					offset: 0
				})
		});
		for (const state of ['open', '']) {
			const parsed = parseMapQuery(new URLSearchParams({ bbox: [west, south, east, north].join(','), state }));
			if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
			runs.push({
				name: `map, bbox ${label}, ${state || 'all states'}`,
				call: () => {
					clearMapCache();
					return mapData(database.db, moduleId, parsed.value);
				}
			});
		}
	}
	// The browse list (/reports): its capped count and its page, newest first, with no filter and with one.
	for (const query of ['', 'state=open', 'page=50'])
		runs.push({
			name: `browse list${query ? `, ${query}` : ', no filter'}`,
			call: () => viewReportList(anonymous(), new URLSearchParams(query))
		});
	for (const run of runs) {
		captured = [];
		await run.call();
		const statements = captured.filter((c) => /^\s*select/i.test(c.text));
		for (const s of statements) {
			captured = [];
			const plan = (await exec(`EXPLAIN (ANALYZE) ${s.text}`, s.params)).rows.map((r) => String(r['QUERY PLAN']));
			const scans = plan
				.filter((l) => /Scan|Execution Time/.test(l))
				.map((l) => l.trim().replace(/\(cost=[^)]*\) /, ''));
			console.log(`\n${run.name}:`);
			for (const l of scans) console.log(`  ${l}`);
		}
	}
	await closeDatabase();
}

await main();
