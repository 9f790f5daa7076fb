/**
 * The reports benchmark's data set, run as a child process with the server's environment (DATABASE_URL, or PGlite
 * under DATA_DIR): the city's reports module made with the module's own test helper (categories pothole,
 * streetlight, garbage routed to two departments), then BENCH_REPORTS reports (default 1,000,000) over the seeded
 * OpenStreetMap neighbourhoods (generate.ts). Writes the module, categories and the city's bounds to
 * BENCH_REPORTS_FILE (JSON, see `ReportsDataset`).
 */
import { writeFileSync } from 'node:fs';
import { person } from '../../tests/support/spaces.ts';
import { closeDatabase, getDatabase } from '../../src/lib/server/platform/db/index.ts';
import { seedReferenceData } from '../../src/lib/server/seed/reference.ts';
// eslint-disable-next-line no-restricted-imports -- the benchmark builds its module with the module's own test helper
import { reportsSetup } from '../../src/lib/server/modules/reports/test-support.ts';
import { generateReports, type Exec } from './generate.ts';
import type { GeoJSONGeometry } from '../../src/lib/server/platform/db/schema.ts';

export interface ReportsDataset {
	moduleId: string;
	categories: { pothole: string; streetlight: string; garbage: string; roadsGroup: string };
	/** minLng, minLat, maxLng, maxLat of the neighbourhoods the reports were spread over. */
	city: [number, number, number, number];
	neighbourhoods: { id: string; slug: string }[];
	count: number;
	loadSeconds: number;
	indexSeconds: number;
}

/** The database of this process as a plain `exec(text, params)` (pg pool or PGlite). */
export async function execOf(): Promise<Exec> {
	const database = await getDatabase();
	if (database.pool) return (text, params) => database.pool!.query(text, params as unknown[]);
	const lite = database.pglite!;
	return async (text, params) => ({
		rows: (await lite.query(text, params as unknown[])).rows as Record<string, unknown>[]
	});
}

export async function makeDataset(count: number): Promise<ReportsDataset> {
	const { db } = await getDatabase();
	const exec = await execOf();
	const osm = async () =>
		(
			await exec(
				"SELECT id, slug, geometry FROM neighbourhoods WHERE geometry IS NOT NULL AND slug NOT LIKE 'cartier-%' ORDER BY slug"
			)
		).rows as { id: string; slug: string; geometry: GeoJSONGeometry }[];
	if ((await osm()).length === 0) await seedReferenceData(db);
	const hoods = await osm();
	const admin = await person(['admin']);
	const setup = await reportsSetup(admin);
	const c = setup.categories;
	const started = new Date();
	let last = 0;
	const result = await generateReports(exec, {
		count,
		moduleId: setup.moduleId,
		categories: [
			{
				id: c.pothole.id,
				departmentId: c.pothole.departmentId!,
				name: 'Groapă în carosabil',
				weight: 5,
				answers: { dangerous: 'yes' }
			},
			{
				id: c.streetlight.id,
				departmentId: c.streetlight.departmentId!,
				name: 'Stâlp de iluminat nefuncțional',
				weight: 2.5
			},
			{ id: c.garbage.id, departmentId: c.garbage.departmentId!, name: 'Gunoi abandonat', weight: 2.5 }
		],
		neighbourhoods: hoods.map((h) => ({ id: h.id, name: h.slug, geometry: h.geometry })),
		now: started,
		progress: (done) => {
			if (done - last >= 100_000 || done === count) {
				last = done;
				console.log(`  ${done} reports (${((Date.now() - started.getTime()) / 1000).toFixed(0)} s)`);
			}
		}
	});
	const b = (
		await exec(
			'SELECT min(lng) AS a, min(lat) AS b, max(lng) AS c, max(lat) AS d FROM reports_reports WHERE module_id = $1',
			[setup.moduleId]
		)
	).rows[0];
	return {
		moduleId: setup.moduleId,
		categories: {
			pothole: c.pothole.id,
			streetlight: c.streetlight.id,
			garbage: c.garbage.id,
			roadsGroup: c.roadsGroup.id
		},
		city: [Number(b.a), Number(b.b), Number(b.c), Number(b.d)],
		neighbourhoods: hoods.map((h) => ({ id: h.id, slug: h.slug })),
		count,
		loadSeconds: result.loadSeconds,
		indexSeconds: result.indexSeconds
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const file = process.env.BENCH_REPORTS_FILE;
	if (!file) throw new Error('BENCH_REPORTS_FILE is required');
	const dataset = await makeDataset(Number(process.env.BENCH_REPORTS ?? 1_000_000));
	writeFileSync(file, JSON.stringify(dataset));
	console.log(
		`BENCH_DATASET ${dataset.count} reports in module ${dataset.moduleId}: load ${dataset.loadSeconds.toFixed(1)} s, indexes ${dataset.indexSeconds.toFixed(1)} s`
	);
	await closeDatabase();
}
