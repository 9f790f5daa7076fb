/**
 * What the citizen pages of the reports module show: the report form (category tree, neighbourhoods, limits), a
 * report's public page (photos, public timeline, state, legal date, what the visitor may do), and the browse list
 * with its filters. Contact details never leave here; the reporter's name only when they chose to show it.
 */
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import { endOfDayInBucharest, startOfDayInBucharest, todayInBucharest } from '../../platform/calendar/index.ts';
import { getDb, type Db } from '../../platform/db/index.ts';
import { departments, neighbourhoods, user } from '../../platform/db/schema.ts';
import { mapTiles, neighbourhoodChoices } from '../../platform/geo/place.ts';
import { isFollowing } from '../../platform/notifications/follows.ts';
import { authorize, decide } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { reportChain } from './chain.ts';
import { canEnterReport, canReports, cityReportsModule, reportsModule } from './context.ts';
import { REPORT_RESOURCE } from './manifest.ts';
import { handlesReport, isReportsStaff } from './permissions.ts';
import { reopenKeyMatches } from './reopen-key.ts';
import {
	answerDueOn,
	canReporterReopen,
	closedStates,
	daysLeft,
	isOpen,
	openStates,
	registrationNumber,
	reopenWindowEnd
} from './rules.ts';
import {
	reportStates,
	reportsCategories,
	reportsPhotos,
	reportsReports,
	reportsSupports,
	reportsUpdates,
	type ReportState
} from './schema.ts';

/** The category tree as the form offers it: groups with their active leaves, then top-level leaves. */
async function categoryTree(db: Db, moduleId: string, { activeOnly = true } = {}) {
	const rows = await db
		.select()
		.from(reportsCategories)
		.where(and(eq(reportsCategories.moduleId, moduleId), activeOnly ? eq(reportsCategories.active, true) : undefined))
		.orderBy(asc(reportsCategories.position), asc(reportsCategories.code));
	const leaf = (c: (typeof rows)[number]) => ({
		id: c.id,
		code: c.code,
		name: c.name,
		description: c.description,
		questions: c.questions
	});
	const groups = rows
		.filter((c) => !c.departmentId && !c.parentId)
		.map((g) => ({
			id: g.id,
			name: g.name,
			leaves: rows.filter((c) => c.parentId === g.id && c.departmentId).map(leaf)
		}))
		.filter((g) => g.leaves.length);
	const loose = rows.filter((c) => c.departmentId && !rows.some((g) => g.id === c.parentId)).map(leaf);
	return { groups, loose };
}

export type ReportCategoryTree = Awaited<ReturnType<typeof categoryTree>>;

/**
 * What the report form of the city's reports module needs. `channel: 'staff'` is the form staff fill in for a report
 * received by phone, letter or at the counter: staff only, and it asks for the reporter's contact as a signed-out form
 * does.
 */
export async function viewReportForm(actor: Actor, { channel = 'web' }: { channel?: 'web' | 'staff' } = {}) {
	const db = await getDb();
	const { ctx } = await cityReportsModule(db);
	authorize(canEnterReport(actor, channel, ctx));
	const asSelf = channel === 'web' && isUser(actor);
	return {
		moduleId: ctx.module.id,
		categories: await categoryTree(db, ctx.module.id),
		neighbourhoods: await neighbourhoodChoices(db),
		maxPhotos: ctx.settings.maxPhotos,
		anonymousNotices: ctx.settings.anonymousNotices,
		signedIn: asSelf,
		actorName: asSelf ? actor.name : null
	};
}

/** A report's public page; hidden reports only for staff of its department (and admins). */
export async function viewReport(actor: Actor, reportId: string, now: Date = new Date()) {
	const db = await getDb();
	if (!/^[0-9a-f-]{36}$/i.test(reportId)) throw new NotFoundError('report');
	const [row] = await db
		.select({
			report: reportsReports,
			categoryName: reportsCategories.name,
			departmentName: departments.name,
			neighbourhoodName: neighbourhoods.name,
			neighbourhoodSlug: neighbourhoods.slug,
			authorName: user.name
		})
		.from(reportsReports)
		.innerJoin(reportsCategories, eq(reportsCategories.id, reportsReports.categoryId))
		.innerJoin(departments, eq(departments.id, reportsReports.departmentId))
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, reportsReports.neighbourhoodId))
		.leftJoin(user, eq(user.id, reportsReports.authorId))
		.where(eq(reportsReports.id, reportId));
	if (!row) throw new NotFoundError('report');
	const { ctx } = await reportsModule(db, row.report.moduleId, now);
	authorize(canReports(actor, 'read', ctx));
	const r = row.report;
	if (r.hiddenAt && !handlesReport(actor, r.departmentId)) throw new NotFoundError('report');

	const [photos, updates, supported, following, chain] = await Promise.all([
		db
			.select({ fileId: reportsPhotos.fileId, updateId: reportsPhotos.updateId })
			.from(reportsPhotos)
			.where(eq(reportsPhotos.reportId, r.id))
			.orderBy(asc(reportsPhotos.position), asc(reportsPhotos.createdAt)),
		db
			.select({
				id: reportsUpdates.id,
				kind: reportsUpdates.kind,
				fromState: reportsUpdates.fromState,
				toState: reportsUpdates.toState,
				text: reportsUpdates.text,
				data: reportsUpdates.data,
				createdAt: reportsUpdates.createdAt
			})
			.from(reportsUpdates)
			.where(and(eq(reportsUpdates.reportId, r.id), inArray(reportsUpdates.kind, ['public', 'system'])))
			.orderBy(asc(reportsUpdates.createdAt)),
		isUser(actor)
			? db
					.select({ userId: reportsSupports.userId })
					.from(reportsSupports)
					.where(and(eq(reportsSupports.reportId, r.id), eq(reportsSupports.userId, actor.id)))
					.then((rows) => rows.length > 0)
			: false,
		isFollowing(actor, { resourceType: REPORT_RESOURCE, resourceId: r.id }),
		reportChain(r.id)
	]);
	const isAuthor = isUser(actor) && r.authorId === actor.id;
	const due = answerDueOn(r);
	return {
		moduleId: r.moduleId,
		report: {
			id: r.id,
			registrationNumber: registrationNumber(ctx.settings.numberPrefix, r.number, r.createdAt),
			title: r.title,
			description: r.description,
			state: r.state,
			open: isOpen(r.state),
			category: row.categoryName,
			department: row.departmentName,
			neighbourhood: row.neighbourhoodName,
			address: r.address,
			lat: r.lat,
			lng: r.lng,
			createdAt: r.createdAt,
			dueOn: due,
			extended: r.extendedDueOn !== null,
			extensionReason: r.extensionReason,
			daysLeft: isOpen(r.state) ? daysLeft(due, todayInBucharest(now.getTime())) : null,
			anonymousNotice: r.anonymousNotice,
			authorName: r.showName && r.authorId ? row.authorName : null,
			supportersCount: r.supportersCount,
			stateReason: r.stateReason,
			responsibleBody: r.responsibleBody,
			duplicateOfId: r.duplicateOfId,
			hidden: r.hiddenAt !== null,
			photos: photos.filter((p) => !p.updateId).map((p) => `/files/${p.fileId}`)
		},
		timeline: updates.map((u) => ({
			...u,
			photos: photos.filter((p) => p.updateId === u.id).map((p) => `/files/${p.fileId}`)
		})),
		viewer: {
			signedIn: isUser(actor),
			isAuthor,
			supported,
			following,
			canSupport: !isAuthor && isOpen(r.state) && !r.hiddenAt && canReports(actor, 'support', ctx).allowed,
			canReopen: isAuthor && canReporterReopen(r, ctx.settings.reopenDays, now),
			staff: isReportsStaff(actor)
		},
		chain
	};
}

/**
 * The page a reporter without an account reaches from the e-mail saying their report was fixed: the report's number
 * and title, and whether it may still be reopened. A key that does not fit the report is refused (403) with nothing
 * said about why; hidden reports are not found.
 */
export async function viewReopenByLink(actor: Actor, reportId: string, key: unknown, now: Date = new Date()) {
	const db = await getDb();
	if (!/^[0-9a-f-]{36}$/i.test(reportId)) throw new NotFoundError('report');
	const [r] = await db.select().from(reportsReports).where(eq(reportsReports.id, reportId));
	if (!r || r.hiddenAt) throw new NotFoundError('report');
	const { ctx } = await reportsModule(db, r.moduleId, now);
	authorize(canReports(actor, 'read', ctx));
	authorize(decide(reopenKeyMatches(r, key), 'reports_error_reopen_link_invalid'));
	const canReopen = canReporterReopen(r, ctx.settings.reopenDays, now);
	return {
		moduleId: r.moduleId,
		report: {
			id: r.id,
			registrationNumber: registrationNumber(ctx.settings.numberPrefix, r.number, r.createdAt),
			title: r.title,
			state: r.state,
			fixedAt: r.fixedAt
		},
		canReopen,
		reopenUntil: canReopen && r.fixedAt ? reopenWindowEnd(r.fixedAt, ctx.settings.reopenDays) : null
	};
}

export const LIST_PAGE_SIZE = 20;
/**
 * The list counts its matches up to here and says "more than" beyond: an exact count(*) of a city's million reports
 * reads them all on every page view, while a capped one stops after this many rows of an index.
 */
export const LIST_COUNT_CAP = 1000;

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const ListFilters = z.object({
	neighbourhood: z.preprocess(blank, z.string().max(64).optional()).catch(undefined),
	category: z.preprocess(blank, z.string().max(64).optional()).catch(undefined),
	state: z.preprocess(blank, z.enum(['open', 'closed', ...reportStates]).optional()).catch(undefined),
	from: z.preprocess(blank, z.iso.date().optional()).catch(undefined),
	to: z.preprocess(blank, z.iso.date().optional()).catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});
export type ReportListFilters = z.infer<typeof ListFilters>;

/** The browse list of the city's reports (newest first), filtered; the map reads /reports/map.json. */
export async function viewReportList(actor: Actor, params: URLSearchParams) {
	const db = await getDb();
	const { ctx } = await cityReportsModule(db);
	authorize(canReports(actor, 'read', ctx));
	const filters = ListFilters.parse(Object.fromEntries(params));
	const moduleId = ctx.module.id;
	const categories = await categoryTree(db, moduleId, { activeOnly: false });
	const r = reportsReports;
	const where: (SQL | undefined)[] = [eq(r.moduleId, moduleId), isNull(r.hiddenAt)];
	if (filters.neighbourhood) where.push(eq(r.neighbourhoodId, filters.neighbourhood));
	if (filters.category) {
		const group = categories.groups.find((g) => g.id === filters.category);
		where.push(
			group ? inArray(r.categoryId, group.leaves.map((l) => l.id).concat(group.id)) : eq(r.categoryId, filters.category)
		);
	}
	if (filters.state === 'open') where.push(inArray(r.state, [...openStates]));
	else if (filters.state === 'closed') where.push(inArray(r.state, [...closedStates]));
	else if (filters.state) where.push(eq(r.state, filters.state as ReportState));
	// Calendar days in the city: from its 00:00 to the end of `to` (the next day's 00:00), in Europe/Bucharest.
	if (filters.from) where.push(gte(r.createdAt, startOfDayInBucharest(filters.from)));
	if (filters.to) where.push(lt(r.createdAt, endOfDayInBucharest(filters.to)));
	const condition = and(...where);
	const capped = db
		.select({ id: r.id })
		.from(r)
		.where(condition)
		.limit(LIST_COUNT_CAP + 1)
		.as('capped');
	const [{ matched }] = await db.select({ matched: count() }).from(capped);
	// One row more than a page tells whether there is a next page without counting them all.
	const rows = await db
		.select({
			id: r.id,
			number: r.number,
			title: r.title,
			state: r.state,
			address: r.address,
			lat: r.lat,
			lng: r.lng,
			createdAt: r.createdAt,
			supportersCount: r.supportersCount,
			anonymousNotice: r.anonymousNotice,
			categoryName: reportsCategories.name,
			neighbourhoodName: neighbourhoods.name
		})
		.from(r)
		.innerJoin(reportsCategories, eq(reportsCategories.id, r.categoryId))
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, r.neighbourhoodId))
		.where(condition)
		.orderBy(desc(r.createdAt), desc(r.number))
		.limit(LIST_PAGE_SIZE + 1)
		.offset((filters.page - 1) * LIST_PAGE_SIZE);
	const more = matched > LIST_COUNT_CAP;
	return {
		filters,
		/** How many reports match, up to the cap; `more` when there are more than that. */
		matched: { count: Math.min(matched, LIST_COUNT_CAP), more },
		/** The number of pages when the count is exact, else null (the page then shows "page N" without a total). */
		pages: more ? null : Math.max(1, Math.ceil(matched / LIST_PAGE_SIZE)),
		hasNextPage: rows.length > LIST_PAGE_SIZE,
		items: rows.slice(0, LIST_PAGE_SIZE).map(({ number, ...row }) => ({
			...row,
			registrationNumber: registrationNumber(ctx.settings.numberPrefix, number, row.createdAt)
		})),
		categories,
		neighbourhoods: await neighbourhoodChoices(db),
		tiles: mapTiles(),
		canReport: canReports(actor, 'report', ctx).allowed
	};
}
