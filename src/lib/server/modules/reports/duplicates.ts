/**
 * Possible duplicates shown before a report is sent: open, visible reports of the same category registered in the
 * last `duplicateDays` days, within `duplicateRadiusMeters` of the pin (nearest first, at most five), or — without a
 * pin — at the same address. The GiST index on `location` prefilters with a box; the exact distance is haversine.
 */
import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { boxAround } from './geo.ts';
import { openStates, registrationNumber } from './rules.ts';
import { reportsReports, type ReportState } from './schema.ts';
import type { ReportsGlobalSettings } from './settings.ts';

export const DUPLICATES_MAX = 5;

export interface PossibleDuplicate {
	id: string;
	registrationNumber: string;
	title: string;
	address: string | null;
	state: ReportState;
	supportersCount: number;
	createdAt: Date;
	/** Metres from the pin; null when matched by address. */
	distance: number | null;
}

export async function findDuplicates(
	db: Db,
	moduleId: string,
	near: { categoryId: string; lat: number | null; lng: number | null; address: string | null },
	settings: Pick<ReportsGlobalSettings, 'duplicateRadiusMeters' | 'duplicateDays' | 'numberPrefix'>,
	now: Date = new Date()
): Promise<PossibleDuplicate[]> {
	const r = reportsReports;
	const since = new Date(now.getTime() - settings.duplicateDays * 86_400_000);
	const common = and(
		eq(r.moduleId, moduleId),
		eq(r.categoryId, near.categoryId),
		inArray(r.state, [...openStates]),
		isNull(r.hiddenAt),
		gte(r.createdAt, since)
	);
	const columns = {
		id: r.id,
		number: r.number,
		title: r.title,
		address: r.address,
		state: r.state,
		supportersCount: r.supportersCount,
		createdAt: r.createdAt
	};
	type Row = {
		id: string;
		number: number;
		title: string;
		address: string | null;
		state: ReportState;
		supportersCount: number;
		createdAt: Date;
		distance: number | null;
	};
	let rows: Row[];
	if (near.lat !== null && near.lng !== null) {
		const b = boxAround(near.lat, near.lng, settings.duplicateRadiusMeters);
		const distance = sql<number>`(2 * 6371000 * asin(least(1, sqrt(
			power(sin(radians(${r.lat} - ${near.lat}) / 2), 2) +
			cos(radians(${near.lat})) * cos(radians(${r.lat})) * power(sin(radians(${r.lng} - ${near.lng}) / 2), 2)))))`;
		const inner = db
			.select({ ...columns, distance: distance.as('distance') })
			.from(r)
			.where(and(common, sql`${r.location} <@ box(point(${b.west}, ${b.south}), point(${b.east}, ${b.north}))`))
			.as('nearby');
		rows = await db
			.select()
			.from(inner)
			.where(sql`${inner.distance} <= ${settings.duplicateRadiusMeters}`)
			.orderBy(inner.distance, inner.createdAt)
			.limit(DUPLICATES_MAX);
	} else if (near.address?.trim()) {
		rows = (
			await db
				.select(columns)
				.from(r)
				.where(and(common, sql`lower(trim(${r.address})) = lower(trim(${near.address}))`))
				.orderBy(sql`${r.createdAt} desc`)
				.limit(DUPLICATES_MAX)
		).map((row) => ({ ...row, distance: null }));
	} else rows = [];
	return rows.map((x) => {
		return {
			id: x.id,
			registrationNumber: registrationNumber(settings.numberPrefix, x.number, x.createdAt),
			title: x.title,
			address: x.address,
			state: x.state,
			supportersCount: x.supportersCount,
			createdAt: x.createdAt,
			distance: x.distance === null ? null : Math.round(Number(x.distance))
		};
	});
}
