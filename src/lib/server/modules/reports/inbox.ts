/**
 * Read models of the department inbox: the reports a staff member handles (their departments; administrators all)
 * with filters, days left and the overdue count, and one report as staff see it — contact details, the full timeline
 * with internal notes, photos, the department's people, and nearby reports it may duplicate.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import { todayInBucharest } from '../../platform/calendar/index.ts';
import { getDb } from '../../platform/db/index.ts';
import { departmentMembers, departments, neighbourhoods, user } from '../../platform/db/schema.ts';
import { canAdmin } from '../../platform/permissions/admin-policy.ts';
import { authorize, decide } from '../../platform/permissions/index.ts';
import { cityReportsModule } from './context.ts';
import { isReportsStaff } from './permissions.ts';
import { closedStates, daysLeft, openStates, registrationNumber, reportDeadlines } from './rules.ts';
import {
	reportStates,
	reportsCategories,
	reportsPhotos,
	reportsReports,
	reportsUpdates,
	type ReportState
} from './schema.ts';
import { reportForStaff } from './staff.ts';

export const INBOX_PAGE_SIZE = 50;

export interface InboxFilters {
	department?: string;
	/** 'open' (default), 'closed', 'all' or one state. */
	state?: string;
	category?: string;
	neighbourhood?: string;
	/** 'me', 'none' or a person's id. */
	assignee?: string;
	overdue?: boolean;
	hidden?: boolean;
	q?: string;
	page?: number;
}

const due = sql<string | null>`coalesce(${reportsReports.extendedDueOn}, ${reportsReports.dueOn})`;

/** The departments whose reports this actor sees: all for administrators, their own for staff. */
async function visibleDepartments(actor: Actor) {
	const db = await getDb();
	const all = await db
		.select({ id: departments.id, name: departments.name })
		.from(departments)
		.orderBy(asc(departments.slug));
	if (canAdmin(actor, 'reports.manage').allowed) return all;
	return all.filter((d) => isUser(actor) && actor.departmentIds.includes(d.id));
}

export async function inbox(actor: Actor, filters: InboxFilters = {}) {
	authorize(decide(isReportsStaff(actor), 'reports_staff_only'));
	const db = await getDb();
	const { ctx } = await cityReportsModule(db);
	const moduleId = ctx.module.id;
	const depts = await visibleDepartments(actor);
	const deptIds =
		filters.department && depts.some((d) => d.id === filters.department)
			? [filters.department]
			: depts.map((d) => d.id);
	const today = todayInBucharest();
	const state = filters.state || 'open';
	const conditions: (SQL | undefined)[] = [
		eq(reportsReports.moduleId, moduleId),
		deptIds.length ? inArray(reportsReports.departmentId, deptIds) : sql`false`,
		state === 'open'
			? inArray(reportsReports.state, [...openStates])
			: state === 'closed'
				? inArray(reportsReports.state, [...closedStates])
				: (reportStates as readonly string[]).includes(state)
					? eq(reportsReports.state, state as ReportState)
					: undefined,
		filters.category ? eq(reportsReports.categoryId, filters.category) : undefined,
		filters.neighbourhood ? eq(reportsReports.neighbourhoodId, filters.neighbourhood) : undefined,
		filters.assignee === 'none'
			? isNull(reportsReports.assigneeId)
			: filters.assignee === 'me' && isUser(actor)
				? eq(reportsReports.assigneeId, actor.id)
				: filters.assignee
					? eq(reportsReports.assigneeId, filters.assignee)
					: undefined,
		// Anonymous notices have no legal date, so they are never overdue.
		filters.overdue
			? and(
					inArray(reportsReports.state, [...openStates]),
					isNotNull(reportsReports.dueOn),
					sql`${due} < ${today}::date`
				)
			: undefined,
		filters.hidden ? isNotNull(reportsReports.hiddenAt) : undefined,
		filters.q ? searchCondition(filters.q) : undefined
	];
	const where = and(...conditions);
	const page = Math.max(1, filters.page ?? 1);
	const assignee = sql<
		string | null
	>`(select ${user.name} from ${user} where ${user.id} = ${reportsReports.assigneeId})`;
	const [rows, [{ total }], [{ overdue }]] = await Promise.all([
		db
			.select({
				id: reportsReports.id,
				number: reportsReports.number,
				title: reportsReports.title,
				state: reportsReports.state,
				createdAt: reportsReports.createdAt,
				due,
				anonymousNotice: reportsReports.anonymousNotice,
				hidden: sql<boolean>`${reportsReports.hiddenAt} is not null`,
				supportersCount: reportsReports.supportersCount,
				address: reportsReports.address,
				lat: reportsReports.lat,
				lng: reportsReports.lng,
				category: reportsCategories.name,
				department: departments.name,
				assignee
			})
			.from(reportsReports)
			.innerJoin(reportsCategories, eq(reportsCategories.id, reportsReports.categoryId))
			.innerJoin(departments, eq(departments.id, reportsReports.departmentId))
			.where(where)
			// Oldest legal date first: the inbox is worked from the most urgent end.
			.orderBy(sql`${due} asc nulls last`, asc(reportsReports.number))
			.limit(INBOX_PAGE_SIZE)
			.offset((page - 1) * INBOX_PAGE_SIZE),
		db.select({ total: count() }).from(reportsReports).where(where),
		db
			.select({ overdue: count() })
			.from(reportsReports)
			.where(
				and(
					eq(reportsReports.moduleId, moduleId),
					deptIds.length ? inArray(reportsReports.departmentId, deptIds) : sql`false`,
					inArray(reportsReports.state, [...openStates]),
					isNotNull(reportsReports.dueOn),
					sql`${due} < ${today}::date`
				)
			)
	]);
	const prefix = ctx.settings.numberPrefix;
	const [categories, hoods, people] = await Promise.all([
		db
			.select({ id: reportsCategories.id, name: reportsCategories.name, departmentId: reportsCategories.departmentId })
			.from(reportsCategories)
			.where(and(eq(reportsCategories.moduleId, moduleId), isNotNull(reportsCategories.departmentId)))
			.orderBy(asc(reportsCategories.position), asc(reportsCategories.code)),
		db
			.select({ id: neighbourhoods.id, name: neighbourhoods.name })
			.from(neighbourhoods)
			.orderBy(asc(neighbourhoods.slug)),
		departmentPeople(deptIds)
	]);
	return {
		moduleId,
		reports: rows.map((r) => ({
			...r,
			registrationNumber: registrationNumber(prefix, r.number, r.createdAt),
			daysLeft: openStates.includes(r.state) ? daysLeft(r.due, today) : null
		})),
		total,
		overdue,
		page,
		pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)),
		filters: { ...filters, state },
		options: { departments: depts, categories, neighbourhoods: hoods, people }
	};
}

/** A registration number (`TM-2026-000123` or `123`) or words of the title. */
function searchCondition(q: string): SQL {
	const digits = /^(?:[A-Z]+-\d{4}-)?0*(\d+)$/i.exec(q.trim());
	if (digits) return eq(reportsReports.number, Number(digits[1]));
	return sql`${reportsReports.title} ilike ${`%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
}

/** People of these departments (for assignment), with whether they head it. */
async function departmentPeople(deptIds: string[]) {
	if (!deptIds.length) return [];
	const db = await getDb();
	return db
		.select({
			id: user.id,
			name: user.name,
			departmentId: departmentMembers.departmentId,
			head: departmentMembers.head
		})
		.from(departmentMembers)
		.innerJoin(user, eq(user.id, departmentMembers.userId))
		.where(and(inArray(departmentMembers.departmentId, deptIds), isNull(user.deletedAt)))
		.orderBy(asc(user.name));
}

/** One report as its department's staff see it. */
export async function staffReport(actor: Actor, reportId: string) {
	const db = await getDb();
	const { report, ctx } = await reportForStaff(db, actor, reportId);
	const prefix = ctx.settings.numberPrefix;
	const [[category], [department], [hood], [author], timeline, photos, people, categories, allDepartments, nearby] =
		await Promise.all([
			db.select().from(reportsCategories).where(eq(reportsCategories.id, report.categoryId)),
			db
				.select({ id: departments.id, name: departments.name })
				.from(departments)
				.where(eq(departments.id, report.departmentId)),
			report.neighbourhoodId
				? db
						.select({ name: neighbourhoods.name })
						.from(neighbourhoods)
						.where(eq(neighbourhoods.id, report.neighbourhoodId))
				: Promise.resolve([]),
			report.authorId
				? db.select({ name: user.name, email: user.email }).from(user).where(eq(user.id, report.authorId))
				: Promise.resolve([]),
			db
				.select({
					id: reportsUpdates.id,
					kind: reportsUpdates.kind,
					fromState: reportsUpdates.fromState,
					toState: reportsUpdates.toState,
					text: reportsUpdates.text,
					data: reportsUpdates.data,
					createdAt: reportsUpdates.createdAt,
					author: user.name
				})
				.from(reportsUpdates)
				.leftJoin(user, eq(user.id, reportsUpdates.authorId))
				.where(eq(reportsUpdates.reportId, reportId))
				.orderBy(asc(reportsUpdates.createdAt), asc(reportsUpdates.id)),
			db
				.select({ fileId: reportsPhotos.fileId, updateId: reportsPhotos.updateId })
				.from(reportsPhotos)
				.where(eq(reportsPhotos.reportId, reportId))
				.orderBy(asc(reportsPhotos.position)),
			departmentPeople([report.departmentId]),
			db
				.select({
					id: reportsCategories.id,
					name: reportsCategories.name,
					departmentId: reportsCategories.departmentId
				})
				.from(reportsCategories)
				.where(
					and(
						eq(reportsCategories.moduleId, report.moduleId),
						isNotNull(reportsCategories.departmentId),
						eq(reportsCategories.active, true)
					)
				)
				.orderBy(asc(reportsCategories.position), asc(reportsCategories.code)),
			db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.slug)),
			nearbyReports(report)
		]);
	const names = new Map(people.map((p) => [p.id, p.name]));
	const dueOn = report.extendedDueOn ?? report.dueOn;
	return {
		report: {
			...report,
			registrationNumber: registrationNumber(prefix, report.number, report.createdAt),
			dueOn,
			daysLeft: openStates.includes(report.state) ? daysLeft(dueOn) : null,
			assignee: report.assigneeId ? (names.get(report.assigneeId) ?? null) : null,
			/** The date by which the reporter must hear that the report went to another body (OG 27/2002 art. 6(2)). */
			forwardBy: reportDeadlines(report.createdAt).forwarding.due,
			author: author ?? null
		},
		category,
		department,
		neighbourhood: hood?.name ?? null,
		timeline: timeline.map((t) => ({
			...t,
			photos: photos.filter((p) => p.updateId === t.id).map((p) => `/files/${p.fileId}`),
			assigneeName: typeof t.data.assigneeId === 'string' ? (names.get(t.data.assigneeId) ?? null) : null
		})),
		photos: photos.filter((p) => !p.updateId).map((p) => `/files/${p.fileId}`),
		people,
		categories,
		departments: allDepartments,
		nearby: nearby.map((n) => ({ ...n, registrationNumber: registrationNumber(prefix, n.number, n.createdAt) })),
		canModerate: true
	};
}

/** Reports of the same module near this one (about 300 m), newest first: candidates to merge. */
async function nearbyReports(report: typeof reportsReports.$inferSelect) {
	if (report.lat === null || report.lng === null) return [];
	const db = await getDb();
	const dLat = 0.003;
	const dLng = 0.004;
	return db
		.select({
			id: reportsReports.id,
			number: reportsReports.number,
			title: reportsReports.title,
			state: reportsReports.state,
			createdAt: reportsReports.createdAt
		})
		.from(reportsReports)
		.where(
			and(
				eq(reportsReports.moduleId, report.moduleId),
				ne(reportsReports.id, report.id),
				ne(reportsReports.state, 'duplicate'),
				sql`${reportsReports.location} <@ box(point(${report.lng - dLng}, ${report.lat - dLat}), point(${report.lng + dLng}, ${report.lat + dLat}))`
			)
		)
		.orderBy(desc(reportsReports.createdAt))
		.limit(10);
}
