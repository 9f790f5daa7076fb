/**
 * The public map's data: the visible reports in a box (bbox = minLng,minLat,maxLng,maxLat) with optional filters
 * (state or open/closed, category or category group, neighbourhood, since a date) — the newest points when the box
 * is street-sized, else counts on a grid (clustering in SQL) so a city-wide view never sends a million points.
 * Cluster answers are cached in the process for a short while (keyed by the grid-snapped box, so panning maps
 * reuse them); points only as every public answer is, by URL for PAGE_CACHE_SECONDS (http/page-cache.ts; their
 * titles must disappear within seconds once a report is hidden).
 */
import { and, between, desc, eq, gte, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/actors/actor.ts';
import { startOfDayInBucharest } from '../../platform/calendar/index.ts';
import { getDb, type Db } from '../../platform/db/index.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../platform/result.ts';
import { canReports, cityReportsModule } from './context.ts';
import { closedStates, isOpen } from './rules.ts';
import { OPEN_STATES_SQL, reportsCategories, reportsReports, reportStates, type ReportState } from './schema.ts';

/** Largest box (degrees of longitude × latitude, ≈ 930 × 890 m in Timișoara) answered with points. */
export const POINTS_MAX_SPAN = { lng: 0.012, lat: 0.008 } as const;
/** At most this many points (the newest); `truncated` says when there were more. */
export const MAX_POINTS = 500;
/** The grid has at most this many cells across the box's longer side. */
export const GRID_CELLS = 24;
const CLUSTER_CACHE_MS = 30_000;
const CLUSTER_CACHE_ENTRIES = 500;

const CLOSED_STATES_SQL = `(${closedStates.map((s) => `'${s}'`).join(', ')})`;

const stateFilter = z.enum(['open', 'closed', ...reportStates]);
export type MapStateFilter = z.infer<typeof stateFilter>;

export interface MapQuery {
	bbox: { minLng: number; minLat: number; maxLng: number; maxLat: number };
	state?: MapStateFilter;
	categoryId?: string;
	neighbourhoodId?: string;
	/** ISO date: reports made on or after it began in the city (00:00 Europe/Bucharest, not UTC). */
	since?: string;
}

export interface MapPoint {
	id: string;
	number: number;
	lat: number;
	lng: number;
	state: ReportState;
	open: boolean;
	categoryId: string;
	title: string;
	supportersCount: number;
	createdAt: string;
}

export type MapData =
	| { kind: 'points'; points: MapPoint[]; truncated: boolean }
	| {
			kind: 'clusters';
			/** Grid cell size in degrees; the box as snapped to the grid. */
			cell: number;
			bbox: [number, number, number, number];
			clusters: { lat: number; lng: number; count: number }[];
			total: number;
	  };

const coordinate = (min: number, max: number) => z.number().finite().min(min).max(max);
const querySchema = z.object({
	bbox: z
		.string('validation_required')
		.transform((s) => s.split(',').map((p) => (p.trim() === '' ? NaN : Number(p))))
		.pipe(z.tuple([coordinate(-180, 180), coordinate(-90, 90), coordinate(-180, 180), coordinate(-90, 90)]))
		.refine(([minLng, minLat, maxLng, maxLat]) => minLng < maxLng && minLat < maxLat, 'validation_invalid'),
	state: stateFilter.optional(),
	category: z.string().min(1).max(100).optional(),
	neighbourhood: z.string().min(1).max(100).optional(),
	since: z.iso.date().optional()
});

/** Reads the query string (`bbox` required; `state`, `category`, `neighbourhood`, `since` optional). */
export function parseMapQuery(params: URLSearchParams): Result<MapQuery> {
	const raw: Record<string, string> = {};
	for (const key of ['bbox', 'state', 'category', 'neighbourhood', 'since']) {
		const v = params.get(key);
		if (v !== null && v !== '') raw[key] = v;
	}
	const parsed = querySchema.safeParse(raw);
	if (!parsed.success) return invalid(parsed.error);
	const { bbox, category, neighbourhood, ...rest } = parsed.data;
	const [minLng, minLat, maxLng, maxLat] = bbox;
	return ok({
		bbox: { minLng, minLat, maxLng, maxLat },
		categoryId: category,
		neighbourhoodId: neighbourhood,
		...rest
	});
}

/** Whether a box is small enough to be answered with points. */
export const answersWithPoints = (b: MapQuery['bbox']) =>
	b.maxLng - b.minLng <= POINTS_MAX_SPAN.lng && b.maxLat - b.minLat <= POINTS_MAX_SPAN.lat;

/** The grid cell for a box: a power of two of degrees, so boxes of similar size share the grid (and the cache). */
export function gridCell(b: MapQuery['bbox']): number {
	const span = Math.max(b.maxLng - b.minLng, b.maxLat - b.minLat);
	return 2 ** Math.ceil(Math.log2(span / GRID_CELLS));
}

/** The box grown outwards to whole cells. */
export function snapToGrid(b: MapQuery['bbox'], cell: number): MapQuery['bbox'] {
	const down = (v: number) => Math.floor(v / cell) * cell;
	const up = (v: number) => Math.ceil(v / cell) * cell;
	return { minLng: down(b.minLng), minLat: down(b.minLat), maxLng: up(b.maxLng), maxLat: up(b.maxLat) };
}

/**
 * The WHERE of the map: the box as lat/lng ranges (estimated from statistics, unlike `<@ box`, and served by the
 * partial (module, lat, lng) indexes — see schema.ts); open as the exact state list the partial indexes are declared
 * with.
 */
export function mapConditions(moduleId: string, query: MapQuery, box: MapQuery['bbox'] = query.bbox): SQL {
	const r = reportsReports;
	const conditions: (SQL | undefined)[] = [
		eq(r.moduleId, moduleId),
		isNull(r.hiddenAt),
		between(r.lat, box.minLat, box.maxLat),
		between(r.lng, box.minLng, box.maxLng)
	];
	// Literal lists (code constants, not input): the planner matches them against the partial indexes' predicates.
	if (query.state === 'open') conditions.push(sql`${r.state} IN ${sql.raw(OPEN_STATES_SQL)}`);
	else if (query.state === 'closed') conditions.push(sql`${r.state} IN ${sql.raw(CLOSED_STATES_SQL)}`);
	else if (query.state) conditions.push(eq(r.state, query.state));
	if (query.categoryId) {
		// A group stands for its leaves.
		const ids = sql`(SELECT ${reportsCategories.id} FROM ${reportsCategories} WHERE ${or(
			eq(reportsCategories.id, query.categoryId),
			eq(reportsCategories.parentId, query.categoryId)
		)})`;
		conditions.push(sql`${r.categoryId} IN ${ids}`);
	}
	if (query.neighbourhoodId) conditions.push(eq(r.neighbourhoodId, query.neighbourhoodId));
	if (query.since) conditions.push(gte(r.createdAt, startOfDayInBucharest(query.since)));
	return and(...conditions)!;
}

/** The points query (newest first, one more than the cap to tell whether it was cut). */
export function pointsQuery(db: Db, moduleId: string, query: MapQuery) {
	const r = reportsReports;
	return db
		.select({
			id: r.id,
			number: r.number,
			lat: r.lat,
			lng: r.lng,
			state: r.state,
			categoryId: r.categoryId,
			title: r.title,
			supportersCount: r.supportersCount,
			createdAt: r.createdAt
		})
		.from(r)
		.where(mapConditions(moduleId, query))
		.orderBy(desc(r.createdAt))
		.limit(MAX_POINTS + 1);
}

/** The clusters query: counts and mean positions per grid cell of the snapped box. */
export function clustersQuery(db: Db, moduleId: string, query: MapQuery, cell: number, box: MapQuery['bbox']) {
	const r = reportsReports;
	// Only module, lat, lng (and the partial index's state and hidden_at) are read: an index-only scan when unfiltered.
	const gx = sql<number>`floor(${r.lng} / ${cell})`;
	const gy = sql<number>`floor(${r.lat} / ${cell})`;
	return db
		.select({
			lat: sql<number>`avg(${r.lat})`.mapWith(Number),
			lng: sql<number>`avg(${r.lng})`.mapWith(Number),
			count: sql<number>`count(*)`.mapWith(Number)
		})
		.from(r)
		.where(mapConditions(moduleId, query, box))
		.groupBy(gx, gy);
}

const clusterCache = new Map<string, { at: number; data: MapData }>();

/** Forgets cached clusters (tests; a module's reports removed in bulk). */
export function clearMapCache() {
	clusterCache.clear();
}

/** The map's data for a box: points or clusters (see the module summary). */
export async function mapData(db: Db, moduleId: string, query: MapQuery, now = Date.now()): Promise<MapData> {
	if (answersWithPoints(query.bbox)) {
		const rows = await pointsQuery(db, moduleId, query);
		return {
			kind: 'points',
			truncated: rows.length > MAX_POINTS,
			points: rows.slice(0, MAX_POINTS).map((p) => ({
				...p,
				lat: p.lat!,
				lng: p.lng!,
				open: isOpen(p.state),
				createdAt: p.createdAt.toISOString()
			}))
		};
	}
	const cell = gridCell(query.bbox);
	const box = snapToGrid(query.bbox, cell);
	const key = JSON.stringify([moduleId, cell, box, query.state, query.categoryId, query.neighbourhoodId, query.since]);
	const cached = clusterCache.get(key);
	if (cached && now - cached.at < CLUSTER_CACHE_MS) return cached.data;
	const clusters = await clustersQuery(db, moduleId, query, cell, box);
	const data: MapData = {
		kind: 'clusters',
		cell,
		bbox: [box.minLng, box.minLat, box.maxLng, box.maxLat],
		clusters,
		total: clusters.reduce((sum, c) => sum + c.count, 0)
	};
	if (clusterCache.size >= CLUSTER_CACHE_ENTRIES) clusterCache.delete(clusterCache.keys().next().value!);
	clusterCache.set(key, { at: now, data });
	return data;
}

/**
 * GET /reports/map.json: the city's reports module, readable by the actor (else ForbiddenError / NotFoundError),
 * the query string read (invalid → field errors), and the map's data.
 */
export async function publicMapData(actor: Actor, params: URLSearchParams): Promise<Result<MapData>> {
	const db = await getDb();
	const { ctx, instance } = await cityReportsModule(db);
	authorize(canReports(actor, 'read', ctx));
	const query = parseMapQuery(params);
	if (!query.ok) return query;
	return ok(await mapData(db, instance.id, query.value));
}
