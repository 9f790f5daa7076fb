/**
 * Reads behind the Open311 endpoints: the services (active leaf categories), requests with the standard's filters
 * plus bbox / lat-long-radius and paging, one request by number or token, the extension data (answers, photos,
 * public timeline) and the public updates for FMS `servicerequestupdates`. Hidden reports never appear.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/index.ts';
import { sharedData } from '../../../platform/http/shared-data.ts';
import { departments, files } from '../../../platform/db/schema.ts';
import { closedStates, openStates } from '../rules.ts';
import { reportsCategories, reportsPhotos, reportsReports, reportsUpdates } from '../schema.ts';

export type CategoryRow = typeof reportsCategories.$inferSelect;

/** Every category of the module (groups and leaves), in tree order. */
export async function moduleCategories(db: Db, moduleId: string): Promise<CategoryRow[]> {
	return db
		.select()
		.from(reportsCategories)
		.where(eq(reportsCategories.moduleId, moduleId))
		.orderBy(asc(reportsCategories.position), asc(reportsCategories.code));
}

/** The services: active leaves (a leaf has a department) with their group. */
export async function services(db: Db, moduleId: string) {
	const all = await moduleCategories(db, moduleId);
	const byId = new Map(all.map((c) => [c.id, c]));
	return all
		.filter((c) => c.active && c.departmentId)
		.map((c) => ({ category: c, group: c.parentId ? (byId.get(c.parentId) ?? null) : null }));
}

/** An active leaf by its service code, or null. */
export async function serviceByCode(db: Db, moduleId: string, code: string): Promise<CategoryRow | null> {
	const [c] = await db
		.select()
		.from(reportsCategories)
		.where(and(eq(reportsCategories.moduleId, moduleId), eq(reportsCategories.code, code)));
	return c && c.active && c.departmentId ? c : null;
}

/** When the services last changed (the discovery `changeset`). */
export async function servicesChangedAt(db: Db, moduleId: string): Promise<Date | null> {
	const [row] = await db
		.select({ at: max(reportsCategories.updatedAt) })
		.from(reportsCategories)
		.where(eq(reportsCategories.moduleId, moduleId));
	return row?.at ? new Date(row.at) : null;
}

export interface RequestFilter {
	/** Registration numbers (`service_request_id`): when given, every other filter is ignored. */
	numbers?: number[];
	serviceCodes?: string[];
	status?: ('open' | 'closed')[];
	from?: Date;
	to?: Date;
	bbox?: { west: number; south: number; east: number; north: number };
	near?: {
		lat: number;
		lng: number;
		radiusMeters: number;
		box: { west: number; south: number; east: number; north: number };
	};
	limit: number;
	offset: number;
}

// The outer table is named in full: drizzle leaves a lone table's columns unqualified, which the subquery would
// read as its own `id`.
const firstPhoto = sql<
	string | null
>`(select p.file_id from reports_photos p where p.report_id = reports_reports.id and p.update_id is null order by p.position limit 1)`;
const lastPublicText = sql<
	string | null
>`(select u.text from reports_updates u where u.report_id = reports_reports.id and u.kind = 'public' and u.text <> '' order by u.created_at desc limit 1)`;

/** The public columns of a report an Open311 answer uses (never the contact fields). */
const requestColumns = {
	id: reportsReports.id,
	number: reportsReports.number,
	categoryId: reportsReports.categoryId,
	departmentId: reportsReports.departmentId,
	state: reportsReports.state,
	title: reportsReports.title,
	description: reportsReports.description,
	stateReason: reportsReports.stateReason,
	anonymousNotice: reportsReports.anonymousNotice,
	answers: reportsReports.answers,
	channel: reportsReports.channel,
	supportersCount: reportsReports.supportersCount,
	address: reportsReports.address,
	lat: reportsReports.lat,
	lng: reportsReports.lng,
	dueOn: reportsReports.dueOn,
	extendedDueOn: reportsReports.extendedDueOn,
	createdAt: reportsReports.createdAt,
	updatedAt: reportsReports.updatedAt,
	closedAt: reportsReports.closedAt,
	photoFileId: firstPhoto,
	lastPublicText
};

type PublicReport = Omit<
	Awaited<ReturnType<typeof selectRequests>>[number],
	'photoFileId' | 'lastPublicText' | 'categoryId' | 'departmentId'
>;

export type RequestRow = {
	report: PublicReport;
	categoryCode: string;
	categoryName: CategoryRow['name'];
	categoryQuestions: CategoryRow['questions'];
	departmentName: (typeof departments.$inferSelect)['name'];
	photoFileId: string | null;
	lastPublicText: string | null;
};

/**
 * The module's categories and the departments by id, read once per request (and shared between GET requests for a
 * few seconds, platform/http/shared-data.ts): joining them into every row sent each category's questions (jsonb) a
 * thousand times over for a full page.
 */
async function lookups(db: Db, moduleId: string) {
	return sharedData(`reports:open311-lookups:${moduleId}`, async () => {
		const [categories, depts] = await Promise.all([
			moduleCategories(db, moduleId),
			db.select({ id: departments.id, name: departments.name }).from(departments)
		]);
		return {
			categories: new Map(categories.map((c) => [c.id, c])),
			departments: new Map(depts.map((d) => [d.id, d.name]))
		};
	});
}

const selectRequests = (db: Db, where: SQL[], limit: number, offset: number) =>
	db
		.select(requestColumns)
		.from(reportsReports)
		.where(and(...where))
		.orderBy(desc(reportsReports.createdAt), desc(reportsReports.number))
		.limit(limit)
		.offset(offset);

const inBox = (b: { west: number; south: number; east: number; north: number }) =>
	// lat/lng ranges, not `<@ box`: the planner estimates ranges from statistics (a `<@ box` is always guessed at
	// 0.1 %), so with status=open a city-wide box walks the newest open reports and stops while a small one reads the
	// (module, lat, lng) index — 4.9 s → 0.4 ms and 129 → 2.3 ms with 1,000,000 reports (schema.ts, bench/reports).
	sql`${reportsReports.lat} BETWEEN ${b.south}::float8 AND ${b.north}::float8 AND ${reportsReports.lng} BETWEEN ${b.west}::float8 AND ${b.east}::float8`;

/** Public requests matching the filter, newest first. */
export async function findRequests(db: Db, moduleId: string, filter: RequestFilter): Promise<RequestRow[]> {
	const where: SQL[] = [eq(reportsReports.moduleId, moduleId), isNull(reportsReports.hiddenAt)];
	if (filter.numbers) {
		if (filter.numbers.length === 0) return [];
		where.push(inArray(reportsReports.number, filter.numbers));
	} else {
		if (filter.serviceCodes?.length)
			where.push(
				inArray(
					reportsReports.categoryId,
					db
						.select({ id: reportsCategories.id })
						.from(reportsCategories)
						.where(and(eq(reportsCategories.moduleId, moduleId), inArray(reportsCategories.code, filter.serviceCodes)))
				)
			);
		if (filter.status?.length === 1)
			where.push(inArray(reportsReports.state, [...(filter.status[0] === 'open' ? openStates : closedStates)]));
		if (filter.from) where.push(gte(reportsReports.createdAt, filter.from));
		if (filter.to) where.push(lte(reportsReports.createdAt, filter.to));
		if (filter.bbox) where.push(inBox(filter.bbox));
		if (filter.near) {
			const { lat, lng, radiusMeters, box } = filter.near;
			where.push(inBox(box));
			where.push(sql`2 * 6371000 * asin(least(1, sqrt(
				power(sin(radians(${reportsReports.lat} - ${lat}::float8) / 2), 2)
				+ cos(radians(${lat}::float8)) * cos(radians(${reportsReports.lat}))
				* power(sin(radians(${reportsReports.lng} - ${lng}::float8) / 2), 2)))) <= ${radiusMeters}::float8`);
		}
	}
	const [rows, { categories, departments: departmentNames }] = await Promise.all([
		selectRequests(db, where, filter.limit, filter.offset),
		lookups(db, moduleId)
	]);
	return rows.map(({ photoFileId, lastPublicText, categoryId, departmentId, ...report }) => {
		const category = categories.get(categoryId)!;
		return {
			report,
			categoryCode: category.code,
			categoryName: category.name,
			categoryQuestions: category.questions,
			departmentName: departmentNames.get(departmentId) ?? { ro: '' },
			photoFileId,
			lastPublicText
		};
	});
}

/** The public report with this token (Open311 `tokens/{token}`), or null. */
export async function requestNumberByToken(db: Db, moduleId: string, token: string): Promise<number | null> {
	const [row] = await db
		.select({ number: reportsReports.number })
		.from(reportsReports)
		.where(
			and(eq(reportsReports.moduleId, moduleId), eq(reportsReports.token, token), isNull(reportsReports.hiddenAt))
		);
	return row?.number ?? null;
}

/** The public report with this number (for posting updates), or null. */
export async function publicReportByNumber(db: Db, moduleId: string, number: number) {
	const [row] = await db
		.select()
		.from(reportsReports)
		.where(
			and(eq(reportsReports.moduleId, moduleId), eq(reportsReports.number, number), isNull(reportsReports.hiddenAt))
		);
	return row ?? null;
}

/** For `extensions=true`: the photos of the reports and their public timeline (public updates, state changes). */
export async function requestExtensions(db: Db, reportIds: string[]) {
	if (reportIds.length === 0) return { photos: [], notes: [] };
	const photos = await db
		.select({
			reportId: reportsPhotos.reportId,
			fileId: reportsPhotos.fileId,
			updateId: reportsPhotos.updateId,
			name: files.originalName,
			width: files.width,
			height: files.height,
			createdAt: reportsPhotos.createdAt
		})
		.from(reportsPhotos)
		.innerJoin(files, eq(files.id, reportsPhotos.fileId))
		.where(inArray(reportsPhotos.reportId, reportIds))
		.orderBy(asc(reportsPhotos.createdAt), asc(reportsPhotos.position));
	const notes = await db
		.select()
		.from(reportsUpdates)
		.where(and(inArray(reportsUpdates.reportId, reportIds), inArray(reportsUpdates.kind, ['public', 'system'])))
		.orderBy(asc(reportsUpdates.createdAt));
	return { photos, notes };
}

/** Public updates in a period (FMS `servicerequestupdates`), oldest first, with the report's state after each. */
export async function publicUpdates(
	db: Db,
	moduleId: string,
	range: { from: Date; to: Date; limit: number; offset: number }
) {
	const stateAfter = sql<string>`coalesce(${reportsUpdates.toState}, (select s.to_state from reports_updates s
		where s.report_id = ${reportsUpdates.reportId} and s.to_state is not null and s.created_at <= ${reportsUpdates.createdAt}
		order by s.created_at desc limit 1), ${reportsReports.state})`;
	const photo = sql<
		string | null
	>`(select p.file_id from reports_photos p where p.update_id = ${reportsUpdates.id} order by p.position limit 1)`;
	return db
		.select({
			id: reportsUpdates.id,
			number: reportsReports.number,
			text: reportsUpdates.text,
			createdAt: reportsUpdates.createdAt,
			state: stateAfter,
			photoFileId: photo,
			registeredAt: reportsReports.createdAt
		})
		.from(reportsUpdates)
		.innerJoin(reportsReports, eq(reportsReports.id, reportsUpdates.reportId))
		.where(
			and(
				eq(reportsReports.moduleId, moduleId),
				isNull(reportsReports.hiddenAt),
				eq(reportsUpdates.kind, 'public'),
				gte(reportsUpdates.createdAt, range.from),
				lte(reportsUpdates.createdAt, range.to)
			)
		)
		.orderBy(asc(reportsUpdates.createdAt), asc(reportsUpdates.id))
		.limit(range.limit)
		.offset(range.offset);
}
