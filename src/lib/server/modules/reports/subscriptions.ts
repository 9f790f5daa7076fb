/**
 * Area subscriptions: a neighbourhood, or a circle around a pin. Reads the subscriptions of a person, finds the
 * subscriptions a new report falls into (for the e-mails), and the public reports of a subscription's area (for its
 * feed).
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Translated } from '../../platform/db/columns.ts';
import type { Db } from '../../platform/db/index.ts';
import { neighbourhoods } from '../../platform/db/schema.ts';
import { boxAround, distanceMeters } from './geo.ts';
import { reportsCategories, reportsReports, reportsSubscriptions } from './schema.ts';

export type Subscription = typeof reportsSubscriptions.$inferSelect;

/** The radii a person may choose around a pin. */
export const subscriptionRadii = [250, 500, 1000, 2000] as const;
export const MAX_SUBSCRIPTION_RADIUS = 5000;

/** A person's subscriptions in a module, with the neighbourhood's name. */
export async function subscriptionsOf(db: Db, moduleId: string, userId: string) {
	return db
		.select({ subscription: reportsSubscriptions, neighbourhoodName: neighbourhoods.name })
		.from(reportsSubscriptions)
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, reportsSubscriptions.neighbourhoodId))
		.where(and(eq(reportsSubscriptions.moduleId, moduleId), eq(reportsSubscriptions.userId, userId)))
		.orderBy(asc(reportsSubscriptions.createdAt));
}

export async function subscriptionByToken(db: Db, token: string) {
	const [row] = await db
		.select({ subscription: reportsSubscriptions, neighbourhoodName: neighbourhoods.name })
		.from(reportsSubscriptions)
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, reportsSubscriptions.neighbourhoodId))
		.where(eq(reportsSubscriptions.token, token));
	return row ?? null;
}

/** What the area is called: the neighbourhood's name, or "500 m around <label or coordinates>". */
export function areaName(
	s: Pick<Subscription, 'neighbourhoodId' | 'lat' | 'lng' | 'radiusMeters' | 'label'>,
	neighbourhoodName: Translated | null
): Translated {
	if (s.neighbourhoodId && neighbourhoodName) return neighbourhoodName;
	const where = s.label || `${s.lat?.toFixed(5)}, ${s.lng?.toFixed(5)}`;
	return { ro: `${s.radiusMeters} m — ${where}` };
}

/** The subscriptions (of people with e-mail on) whose area contains the report, except the reporter's own. */
export async function subscriptionsMatching(
	db: Db,
	report: {
		moduleId: string;
		neighbourhoodId: string | null;
		lat: number | null;
		lng: number | null;
		authorId: string | null;
	}
) {
	const near =
		report.lat !== null && report.lng !== null
			? (() => {
					const box = boxAround(report.lat, report.lng, MAX_SUBSCRIPTION_RADIUS);
					return and(
						isNotNull(reportsSubscriptions.radiusMeters),
						sql`${reportsSubscriptions.lat} between ${box.south} and ${box.north}`,
						sql`${reportsSubscriptions.lng} between ${box.west} and ${box.east}`
					);
				})()
			: undefined;
	const inHood = report.neighbourhoodId ? eq(reportsSubscriptions.neighbourhoodId, report.neighbourhoodId) : undefined;
	if (!near && !inHood) return [];
	const rows = await db
		.select({ subscription: reportsSubscriptions, neighbourhoodName: neighbourhoods.name })
		.from(reportsSubscriptions)
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, reportsSubscriptions.neighbourhoodId))
		.where(
			and(
				eq(reportsSubscriptions.moduleId, report.moduleId),
				eq(reportsSubscriptions.email, true),
				isNotNull(reportsSubscriptions.userId),
				or(inHood, near)
			)
		);
	return rows.filter(({ subscription: s }) => {
		if (s.userId === report.authorId) return false;
		if (s.neighbourhoodId) return s.neighbourhoodId === report.neighbourhoodId;
		return (
			report.lat !== null &&
			report.lng !== null &&
			distanceMeters({ lat: s.lat!, lng: s.lng! }, { lat: report.lat, lng: report.lng }) <= s.radiusMeters!
		);
	});
}

export interface AreaReport {
	id: string;
	number: number;
	title: string;
	description: string;
	state: string;
	address: string | null;
	categoryName: Translated;
	createdAt: Date;
	updatedAt: Date;
}

const publicColumns = {
	id: reportsReports.id,
	number: reportsReports.number,
	title: reportsReports.title,
	description: reportsReports.description,
	state: reportsReports.state,
	address: reportsReports.address,
	lat: reportsReports.lat,
	lng: reportsReports.lng,
	categoryName: reportsCategories.name,
	createdAt: reportsReports.createdAt,
	updatedAt: reportsReports.updatedAt
};

/** The newest public reports of a module, optionally of some neighbourhoods (for the Atom feeds). */
export async function latestPublicReports(
	db: Db,
	moduleId: string,
	{ neighbourhoodIds, limit = 50 }: { neighbourhoodIds?: string[]; limit?: number } = {}
): Promise<AreaReport[]> {
	return db
		.select(publicColumns)
		.from(reportsReports)
		.innerJoin(reportsCategories, eq(reportsCategories.id, reportsReports.categoryId))
		.where(
			and(
				eq(reportsReports.moduleId, moduleId),
				isNull(reportsReports.hiddenAt),
				neighbourhoodIds ? inArray(reportsReports.neighbourhoodId, neighbourhoodIds) : undefined
			)
		)
		.orderBy(desc(reportsReports.createdAt))
		.limit(limit);
}

/** The newest public reports inside a subscription's area. */
export async function reportsInArea(db: Db, s: Subscription, limit = 50): Promise<AreaReport[]> {
	if (s.neighbourhoodId) return latestPublicReports(db, s.moduleId, { neighbourhoodIds: [s.neighbourhoodId], limit });
	const box = boxAround(s.lat!, s.lng!, s.radiusMeters!);
	// The GiST index on `location` narrows to the box; the exact circle is tested below.
	const rows = await db
		.select(publicColumns)
		.from(reportsReports)
		.innerJoin(reportsCategories, eq(reportsCategories.id, reportsReports.categoryId))
		.where(
			and(
				eq(reportsReports.moduleId, s.moduleId),
				isNull(reportsReports.hiddenAt),
				sql`${reportsReports.location} <@ box(point(${box.west}, ${box.south}), point(${box.east}, ${box.north}))`
			)
		)
		.orderBy(desc(reportsReports.createdAt))
		.limit(limit * 4);
	return rows
		.filter((r) => distanceMeters({ lat: s.lat!, lng: s.lng! }, { lat: r.lat!, lng: r.lng! }) <= s.radiusMeters!)
		.slice(0, limit)
		.map(({ lat: _lat, lng: _lng, ...r }) => r);
}
