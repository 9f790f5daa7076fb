/**
 * Fills `reports_reports` with many reports spread over the city: points drawn uniformly inside the real
 * neighbourhood polygons (the seeded OpenStreetMap ones), each neighbourhood getting a share proportional to its area;
 * dates over five years, more recent ones more frequent; states by age (recent reports mostly open, old ones mostly
 * closed), a few hidden. Rows are made here with a seeded generator (the same data on every run) and sent as JSON
 * batches to one `INSERT … SELECT FROM json_to_recordset` each, so it works the same on PostgreSQL and PGlite. The
 * table's secondary indexes are dropped during the load and rebuilt after (far faster than maintaining a GiST index
 * row by row), then the table is analysed.
 */
import type { GeoJSONGeometry } from '../../src/lib/server/platform/db/schema.ts';
import { containsPoint } from '../../src/lib/server/platform/geo/point-in-polygon.ts';
import { reportDeadlines, type ReportState } from '../../src/lib/server/modules/reports/index.ts';

/** Runs one statement and returns its rows (node-postgres `client.query` and PGlite `query` both fit). */
export type Exec = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export interface GenerateOptions {
	count: number;
	moduleId: string;
	/** Leaf categories with their department and a share of the reports (weights, any scale). */
	categories: { id: string; departmentId: string; name: string; weight: number; answers?: Record<string, string> }[];
	neighbourhoods: { id: string; name: string; geometry: GeoJSONGeometry }[];
	seed?: number;
	now?: Date;
	batch?: number;
	/** Called after each batch with the number of rows so far. */
	progress?: (done: number) => void;
}

/** mulberry32: a small seeded generator, so the data set is the same on every run. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Ring = number[][];
const outerRings = (g: GeoJSONGeometry) =>
	((g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as Ring[][]).map((p) => p[0]);

/** Area in km² of the outer rings (shoelace on degrees scaled at the ring's latitude; fine at city scale). */
function areaKm2(g: GeoJSONGeometry): number {
	let total = 0;
	for (const ring of outerRings(g)) {
		let a = 0;
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
			a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
		const lat = ring[0][1];
		total += (Math.abs(a) / 2) * 111.32 * 111.32 * Math.cos((lat * Math.PI) / 180);
	}
	return total;
}

function bounds(g: GeoJSONGeometry) {
	let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const ring of outerRings(g))
		for (const [lng, lat] of ring) {
			minLng = Math.min(minLng, lng);
			maxLng = Math.max(maxLng, lng);
			minLat = Math.min(minLat, lat);
			maxLat = Math.max(maxLat, lat);
		}
	return { minLng, minLat, maxLng, maxLat };
}

const streets = [
	'Bulevardul Revoluției din 1989',
	'Strada Alba Iulia',
	'Calea Aradului',
	'Calea Șagului',
	'Bulevardul Take Ionescu',
	'Strada Gheorghe Lazăr',
	'Calea Lipovei',
	'Strada Ion Ionescu de la Brad',
	'Bulevardul Liviu Rebreanu',
	'Strada Dr. Ion Mihalache',
	'Calea Martirilor 1989',
	'Strada Eugeniu de Savoya'
];
const descriptions = [
	'Groapă adâncă pe carosabil, mașinile o ocolesc pe contrasens.',
	'Stâlpul de iluminat nu mai funcționează de o săptămână, strada e întunecată seara.',
	'Saci de gunoi lăsați lângă containere, se împrăștie pe trotuar.',
	'Trotuar surpat în fața blocului, greu de trecut cu căruciorul.',
	'Capac de canal lipsă lângă trecerea de pietoni.'
];

/** The state of a report `ageDays` old, drawn so that recent reports are mostly open and old ones mostly closed. */
function stateFor(ageDays: number, u: number): ReportState {
	const open = ageDays < 30 ? 0.8 : ageDays < 90 ? 0.45 : ageDays < 365 ? 0.12 : 0.03;
	if (u < open) return u < open * 0.45 ? 'new' : u < open * 0.75 ? 'confirmed' : 'in_progress';
	const c = (u - open) / (1 - open);
	return c < 0.7 ? 'fixed' : c < 0.85 ? 'closed' : c < 0.93 ? 'duplicate' : c < 0.97 ? 'not_responsible' : 'cannot_fix';
}

const COLUMNS = `lat float8, lng float8, neighbourhood_id text, category_id text, department_id text, state text,
	title text, description text, address text, answers jsonb, contact_email text, anonymous_notice boolean,
	due_on date, created_at timestamptz, first_answered_at timestamptz, fixed_at timestamptz, closed_at timestamptz,
	supporters_count int, hidden_at timestamptz`;

const INSERT = `INSERT INTO reports_reports (id, module_id, token, channel, lat, lng, location, neighbourhood_id,
	category_id, department_id, state, title, description, address, answers, contact_email, anonymous_notice, due_on,
	created_at, updated_at, first_answered_at, fixed_at, closed_at, supporters_count, hidden_at)
SELECT gen_random_uuid()::text, $2, replace(gen_random_uuid()::text, '-', ''), 'web', r.lat, r.lng, point(r.lng, r.lat),
	r.neighbourhood_id, r.category_id, r.department_id, r.state, r.title, r.description, r.address, r.answers,
	r.contact_email, r.anonymous_notice, r.due_on, r.created_at, coalesce(r.closed_at, r.first_answered_at, r.created_at),
	r.first_answered_at, r.fixed_at, r.closed_at, r.supporters_count, r.hidden_at
FROM json_to_recordset($1::json) AS r(${COLUMNS})`;

/** Inserts `count` reports; returns the seconds spent loading and rebuilding indexes. */
export async function generateReports(exec: Exec, options: GenerateOptions) {
	const { count, moduleId, categories, neighbourhoods } = options;
	const rand = random(options.seed ?? 6);
	const now = (options.now ?? new Date()).getTime();
	const batch = options.batch ?? 20_000;

	const areas = neighbourhoods.map((n) => areaKm2(n.geometry));
	const areaTotal = areas.reduce((a, b) => a + b, 0);
	const hoods = neighbourhoods.map((n, i) => ({ ...n, box: bounds(n.geometry), cumulative: 0, share: areas[i] }));
	let acc = 0;
	for (const h of hoods) h.cumulative = acc += h.share / areaTotal;
	const weightTotal = categories.reduce((a, c) => a + c.weight, 0);
	let cacc = 0;
	const cats = categories.map((c) => ({ ...c, cumulative: (cacc += c.weight / weightTotal) }));
	const dueOn = new Map<string, string>();
	const dueFor = (at: Date) => {
		const key = at.toISOString().slice(0, 10);
		let due = dueOn.get(key);
		if (!due) dueOn.set(key, (due = reportDeadlines(at).answer.due));
		return due;
	};

	// Secondary indexes (not the primary key, not unique constraints) are rebuilt once after the load.
	const indexes = (
		await exec(
			`SELECT i.indexname, i.indexdef FROM pg_indexes i
			 WHERE i.tablename = 'reports_reports'
			   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`
		)
	).rows as { indexname: string; indexdef: string }[];
	const t0 = performance.now();
	let t1: number;
	for (const i of indexes) await exec(`DROP INDEX IF EXISTS "${i.indexname}"`);
	try {
		for (let done = 0; done < count;) {
			const rows: Record<string, unknown>[] = [];
			const n = Math.min(batch, count - done);
			for (let k = 0; k < n; k++) {
				const hu = rand();
				const hood = hoods.find((h) => h.cumulative >= hu) ?? hoods[hoods.length - 1];
				let lng = 0;
				let lat = 0;
				for (let tries = 0; tries < 1000; tries++) {
					lng = hood.box.minLng + rand() * (hood.box.maxLng - hood.box.minLng);
					lat = hood.box.minLat + rand() * (hood.box.maxLat - hood.box.minLat);
					if (containsPoint(hood.geometry, lng, lat)) break;
				}
				const cu = rand();
				const cat = cats.find((c) => c.cumulative >= cu) ?? cats[cats.length - 1];
				// Five years back, more reports recently (the city's use of the service grows).
				const ageDays = Math.pow(rand(), 2) * 1826;
				const createdAt = new Date(now - ageDays * 86_400_000);
				const state = stateFor(ageDays, rand());
				const open = state === 'new' || state === 'confirmed' || state === 'in_progress';
				const answeredAfter = 1 + rand() * 20;
				const doneAfter = answeredAfter + rand() * 30;
				const answered =
					state !== 'new' && answeredAfter < ageDays
						? new Date(createdAt.getTime() + answeredAfter * 86_400_000)
						: null;
				const closedAt = !open ? new Date(createdAt.getTime() + Math.min(doneAfter, ageDays) * 86_400_000) : null;
				const anonymous = rand() < 0.25;
				const street = streets[Math.floor(rand() * streets.length)];
				const address = `${street} ${1 + Math.floor(rand() * 120)}`;
				rows.push({
					lat,
					lng,
					neighbourhood_id: hood.id,
					category_id: cat.id,
					department_id: cat.departmentId,
					state,
					title: `${cat.name} — ${street}`,
					description: descriptions[Math.floor(rand() * descriptions.length)],
					address,
					answers: cat.answers ?? {},
					contact_email: anonymous ? null : `sesizare-${done + k}@bench.vocea.test`,
					anonymous_notice: anonymous,
					due_on: anonymous ? null : dueFor(createdAt),
					created_at: createdAt.toISOString(),
					first_answered_at: answered?.toISOString() ?? closedAt?.toISOString() ?? null,
					fixed_at: state === 'fixed' ? closedAt!.toISOString() : null,
					closed_at: closedAt?.toISOString() ?? null,
					supporters_count: rand() < 0.2 ? Math.floor(rand() * 12) : 0,
					hidden_at: rand() < 0.005 ? createdAt.toISOString() : null
				});
			}
			await exec(INSERT, [JSON.stringify(rows), moduleId]);
			done += n;
			options.progress?.(done);
		}
	} finally {
		// Also after a failure: the table keeps its indexes.
		t1 = performance.now();
		for (const i of indexes) await exec(i.indexdef);
		await exec('ANALYZE reports_reports');
	}
	const end = performance.now();
	return { loadSeconds: (t1 - t0) / 1000, indexSeconds: (end - t1) / 1000, indexes: indexes.map((i) => i.indexname) };
}
