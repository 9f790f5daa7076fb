/**
 * The public view of reports across modules, for open data, search and chains: a report with its category,
 * department, neighbourhood and space, and its registration number. Never contact fields or who reported.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { departments, moduleInstances, neighbourhoods, spaces } from '../../platform/db/schema.ts';
import { reportPath } from './notify-reporter.ts';
import { registrationNumber } from './rules.ts';
import { reportsCategories, reportsReports } from './schema.ts';
import { reportsGlobalSettings } from './settings.ts';

export async function publicReportRows(
	db: Db,
	where: { moduleIds?: string[]; ids?: string[]; includeHidden?: boolean }
) {
	if ((where.moduleIds && !where.moduleIds.length) || (where.ids && !where.ids.length)) return [];
	const rows = await db
		.select({
			report: reportsReports,
			categoryCode: reportsCategories.code,
			categoryName: reportsCategories.name,
			departmentSlug: departments.slug,
			departmentName: departments.name,
			neighbourhoodSlug: neighbourhoods.slug,
			spaceId: spaces.id,
			spacePublic: spaces.status,
			modulePublished: moduleInstances.published,
			settings: moduleInstances.settings
		})
		.from(reportsReports)
		.innerJoin(reportsCategories, eq(reportsCategories.id, reportsReports.categoryId))
		.innerJoin(departments, eq(departments.id, reportsReports.departmentId))
		.innerJoin(moduleInstances, eq(moduleInstances.id, reportsReports.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, reportsReports.neighbourhoodId))
		.where(
			and(
				where.moduleIds ? inArray(reportsReports.moduleId, where.moduleIds) : undefined,
				where.ids ? inArray(reportsReports.id, where.ids) : undefined,
				where.includeHidden ? undefined : isNull(reportsReports.hiddenAt)
			)
		)
		.orderBy(asc(reportsReports.number));
	return rows.map(({ settings, spacePublic, modulePublished, ...r }) => {
		const prefix = reportsGlobalSettings.safeParse(settings).data?.numberPrefix ?? 'TM';
		return {
			...r,
			public: spacePublic === 'published' && modulePublished && !r.report.hiddenAt,
			registrationNumber: registrationNumber(prefix, r.report.number, r.report.createdAt),
			url: reportPath(r.report.id)
		};
	});
}
