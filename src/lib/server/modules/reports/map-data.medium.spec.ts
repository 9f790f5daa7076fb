/** The public map's data on a real database: points in small boxes, grid clusters in large ones, filters, hiding. */
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { person } from '../../../../../tests/support/spaces.ts';
import { getDb } from '../../platform/db/index.ts';
import { ForbiddenError } from '../../platform/result.ts';
import {
	clearMapCache,
	clustersQuery,
	gridCell,
	mapData,
	MAX_POINTS,
	parseMapQuery,
	pointsQuery,
	publicMapData,
	type MapQuery
} from './map-data.ts';
import { reportsReports } from './schema.ts';
import { insertReport, reportsSetup, type ReportsSetup } from './test-support.ts';

useTestDatabase();

/** A street-sized box around Piața Victoriei, and the whole city. */
const street = '21.222,45.751,21.230,45.756';
const city = '21.15,45.70,21.32,45.80';
const query = (bbox: string, extra: Record<string, string> = {}): MapQuery => {
	const parsed = parseMapQuery(new URLSearchParams({ bbox, ...extra }));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.value;
};
const day = (d: number) => new Date(Date.UTC(2026, 5, d, 9));

describe('map data', () => {
	let setup: ReportsSetup;
	beforeEach(async () => {
		clearMapCache();
		setup = await reportsSetup(await person(['admin']));
	});

	it('answers a street-sized box with the visible points inside it, newest first, filtered', async () => {
		const old = await insertReport(setup, { lat: 45.753, lng: 21.225, createdAt: day(1) });
		const fixed = await insertReport(setup, { lat: 45.754, lng: 21.226, state: 'fixed', createdAt: day(2) });
		const light = await insertReport(setup, {
			lat: 45.755,
			lng: 21.227,
			categoryId: setup.categories.streetlight.id,
			createdAt: day(3)
		});
		const hidden = await insertReport(setup, { lat: 45.7535, lng: 21.2255, createdAt: day(4) });
		await (await getDb()).update(reportsReports).set({ hiddenAt: new Date() }).where(eq(reportsReports.id, hidden.id));
		await insertReport(setup, { lat: 45.78, lng: 21.26, createdAt: day(5) }); // outside the box
		await insertReport(setup, { lat: null, lng: null, address: 'Strada Fără Pin 1' }); // no pin: not on the map

		const db = await getDb();
		const all = await mapData(db, setup.moduleId, query(street));
		expect(all.kind).toBe('points');
		if (all.kind !== 'points') return;
		expect(all.points.map((p) => p.id)).toEqual([light.id, fixed.id, old.id]);
		expect(all.truncated).toBe(false);
		expect(all.points[0]).toMatchObject({ number: light.number, lat: 45.755, lng: 21.227, open: true, state: 'new' });
		expect(Object.keys(all.points[0])).not.toContain('contactEmail');

		const ids = async (extra: Record<string, string>) => {
			const data = await mapData(db, setup.moduleId, query(street, extra));
			return data.kind === 'points' ? data.points.map((p) => p.id) : [];
		};
		expect(await ids({ state: 'open' })).toEqual([light.id, old.id]);
		expect(await ids({ state: 'closed' })).toEqual([fixed.id]);
		expect(await ids({ state: 'fixed' })).toEqual([fixed.id]);
		// A group stands for its leaves.
		expect(await ids({ category: setup.categories.roadsGroup.id })).toEqual([fixed.id, old.id]);
		expect(await ids({ category: setup.categories.streetlight.id })).toEqual([light.id]);
		expect(await ids({ since: '2026-06-02' })).toEqual([light.id, fixed.id]);
		expect(await ids({ neighbourhood: setup.neighbourhood.id })).toHaveLength(3);
		expect(await ids({ neighbourhood: 'elsewhere' })).toEqual([]);
	});

	it('reads since=YYYY-MM-DD as midnight in the city (Europe/Bucharest), not UTC, in winter and in summer', async () => {
		const db = await getDb();
		const at = (iso: string) => insertReport(setup, { lat: 45.753, lng: 21.225, createdAt: new Date(iso) });
		// Winter, UTC+2: 23:30 UTC on the 14th is 01:30 on the 15th in Timișoara; 21:30 UTC is 23:30 on the 14th.
		const earlyOn15 = await at('2026-01-14T23:30:00Z');
		const lateOn14 = await at('2026-01-14T21:30:00Z');
		// Summer, UTC+3: 21:30 UTC on 14 June is 00:30 on the 15th; 20:30 UTC is 23:30 on the 14th.
		const earlyOnJune15 = await at('2026-06-14T21:30:00Z');
		const lateOnJune14 = await at('2026-06-14T20:30:00Z');

		const points = async (since: string) => {
			const data = await mapData(db, setup.moduleId, query(street, { since }));
			return data.kind === 'points' ? data.points.map((p) => p.id).sort() : [];
		};
		expect(await points('2026-01-15')).toEqual([earlyOn15.id, lateOnJune14.id, earlyOnJune15.id].sort());
		expect(await points('2026-01-15')).not.toContain(lateOn14.id);
		expect(await points('2026-01-14')).toContain(lateOn14.id);
		expect(await points('2026-06-15')).toEqual([earlyOnJune15.id]);
		// Clusters filter the same way.
		const total = async (since: string) => {
			const data = await mapData(db, setup.moduleId, query(city, { since }));
			return data.kind === 'clusters' ? data.total : -1;
		};
		expect(await total('2026-01-15')).toBe(3);
		expect(await total('2026-06-15')).toBe(1);
	});

	it('cuts the points at the cap and says so', async () => {
		const db = await getDb();
		const base = await insertReport(setup, { lat: 45.753, lng: 21.225 });
		// Copies of one report (fresh ids and tokens) are enough to pass the cap.
		await db.execute(sql`
			INSERT INTO reports_reports (id, module_id, category_id, department_id, title, description, lat, lng, location,
				address, token, created_at, updated_at)
			SELECT gen_random_uuid()::text, module_id, category_id, department_id, title, description, lat, lng, location,
				address, md5(random()::text || g::text), created_at, updated_at
			FROM reports_reports, generate_series(1, ${MAX_POINTS}) AS g WHERE id = ${base.id}`);
		const data = await mapData(db, setup.moduleId, query(street));
		expect(data.kind === 'points' && data.points.length).toBe(MAX_POINTS);
		expect(data.kind === 'points' && data.truncated).toBe(true);
	});

	it('answers a large box with grid clusters counting the visible reports', async () => {
		await insertReport(setup, { lat: 45.7531, lng: 21.2251 });
		await insertReport(setup, { lat: 45.7532, lng: 21.2252 });
		await insertReport(setup, { lat: 45.7533, lng: 21.2253, state: 'closed' });
		await insertReport(setup, { lat: 45.72, lng: 21.18 });
		const hidden = await insertReport(setup, { lat: 45.7534, lng: 21.2254 });
		const db = await getDb();
		await db.update(reportsReports).set({ hiddenAt: new Date() }).where(eq(reportsReports.id, hidden.id));

		const data = await mapData(db, setup.moduleId, query(city));
		expect(data.kind).toBe('clusters');
		if (data.kind !== 'clusters') return;
		expect(data.total).toBe(4);
		expect(data.cell).toBe(gridCell(query(city).bbox));
		expect(Number.isInteger(Math.log2(data.cell))).toBe(true);
		const centre = data.clusters.find((c) => c.count === 3);
		expect(centre?.lat).toBeCloseTo(45.7532, 4);
		expect(centre?.lng).toBeCloseTo(21.2252, 4);
		expect(data.clusters.map((c) => c.count).sort()).toEqual([1, 3]);
		const open = await mapData(db, setup.moduleId, query(city, { state: 'open' }));
		expect(open.kind === 'clusters' && open.total).toBe(3);
		// Another box on the same grid is answered from the cache; a fresh count after clearing it.
		await insertReport(setup, { lat: 45.72, lng: 21.18 });
		const cached = await mapData(db, setup.moduleId, query('21.151,45.701,21.319,45.799'));
		expect(cached.kind === 'clusters' && cached.total).toBe(4);
		clearMapCache();
		const fresh = await mapData(db, setup.moduleId, query(city));
		expect(fresh.kind === 'clusters' && fresh.total).toBe(5);
	});

	it('rejects malformed boxes and filters', () => {
		const errors = (params: Record<string, string>) => {
			const parsed = parseMapQuery(new URLSearchParams(params));
			return parsed.ok ? null : parsed.errors;
		};
		expect(errors({})).toHaveProperty('bbox');
		expect(errors({ bbox: '21.2,45.7,21.1' })).toHaveProperty('bbox');
		expect(errors({ bbox: '21.3,45.7,21.2,45.8' })).toHaveProperty('bbox');
		expect(errors({ bbox: 'a,b,c,d' })).toHaveProperty('bbox');
		expect(errors({ bbox: '21.2,95,21.3,96' })).toHaveProperty('bbox');
		expect(errors({ bbox: street, state: 'lost' })).toHaveProperty('state');
		expect(errors({ bbox: street, since: 'yesterday' })).toHaveProperty('since');
		expect(errors({ bbox: street, state: 'open', since: '2026-01-01' })).toBeNull();
	});

	it('serves the public only while the module is published', async () => {
		const anonymous = { kind: 'anonymous', context: {} } as const;
		const served = await publicMapData(anonymous, new URLSearchParams({ bbox: street }));
		expect(served.ok).toBe(true);
		const { moduleInstances } = await import('../../platform/db/schema.ts');
		await (
			await getDb()
		)
			.update(moduleInstances)
			.set({ published: false })
			.where(eq(moduleInstances.id, setup.moduleId));
		const { clearSharedData } = await import('../../platform/http/shared-data.ts');
		clearSharedData();
		await expect(publicMapData(anonymous, new URLSearchParams({ bbox: street }))).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});

	it('answers boxes from the partial (module, lat, lng) and newest-open indexes on this database', async () => {
		const db = await getDb();
		const base = await insertReport(setup, { lat: 45.753, lng: 21.225 });
		// 6,000 reports over the city, a fifth open; the statistics as autovacuum would leave them.
		await db.execute(sql`
			INSERT INTO reports_reports (id, module_id, category_id, department_id, state, title, description, lat, lng,
				location, address, token, created_at, updated_at)
			SELECT gen_random_uuid()::text, module_id, category_id, department_id,
				CASE WHEN g % 5 = 0 THEN 'new' ELSE 'fixed' END, title, description, p.lat, p.lng, point(p.lng, p.lat),
				address, md5(random()::text || g::text), now() - g * interval '1 hour', now()
			FROM reports_reports, generate_series(1, 6000) AS g,
				LATERAL (SELECT 45.70 + (g * 7919 % 1000) / 10000.0 AS lat, 21.15 + (g * 104729 % 1700) / 10000.0 AS lng) p
			WHERE id = ${base.id}`);
		await db.execute(sql`VACUUM ANALYZE reports_reports`);
		const plan = async (q: { toSQL(): { sql: string; params: unknown[] } }) => {
			const { sql: text, params } = q.toSQL();
			const rows = await db.execute(sql.raw(`EXPLAIN ${inline(text, params)}`));
			return (rows as unknown as { rows: { 'QUERY PLAN': string }[] }).rows.map((r) => r['QUERY PLAN']).join('\n');
		};
		const tiny = '21.2245,45.7525,21.2255,45.7535';
		expect(await plan(pointsQuery(db, setup.moduleId, query(tiny, { state: 'open' })))).toMatch(
			/Index Scan using reports_reports_open_lat_lng/
		);
		expect(await plan(pointsQuery(db, setup.moduleId, query(tiny)))).toMatch(
			/Index Scan using reports_reports_visible_lat_lng/
		);
		const wide = query(city, { state: 'open' });
		expect(await plan(clustersQuery(db, setup.moduleId, wide, gridCell(wide.bbox), wide.bbox))).toMatch(
			/Index Only Scan using reports_reports_open_lat_lng/
		);
	});
});

/** The statement with its parameters written in (EXPLAIN takes no parameters on every driver). */
function inline(text: string, params: unknown[]): string {
	return text.replace(/\$(\d+)/g, (_, n: string) => {
		const v = params[Number(n) - 1];
		if (typeof v === 'number') return String(v);
		if (v instanceof Date) return `'${v.toISOString()}'`;
		return `'${String(v).replace(/'/g, "''")}'`;
	});
}
