/** Reads of implementation tracking: funded projects of an edition, one project with its space, its timeline. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { departments } from '../../platform/db/schema.ts';
import { budgetsProgress, budgetsProjects, budgetsResults, budgetsZones } from './schema.ts';

export type { Project } from './queries.ts';
export { findProject, projectUrl, departmentChoices } from './queries.ts';
export type ProgressEntry = typeof budgetsProgress.$inferSelect;

/** The public implementation page of a funded project. */
export const implementationUrl = (spaceSlug: string, moduleId: string, projectId: string) =>
	`/processes/${spaceSlug}/budgets/${moduleId}/implementation/${projectId}`;

/** Funded projects of an edition, by pot then code, with their pot and responsible department. */
export const fundedProjectsOf = (db: Db, moduleId: string) =>
	db
		.select({
			project: budgetsProjects,
			zoneCode: budgetsZones.code,
			zoneName: budgetsZones.name,
			departmentName: departments.name
		})
		.from(budgetsProjects)
		.innerJoin(budgetsZones, eq(budgetsZones.id, budgetsProjects.zoneId))
		.leftJoin(departments, eq(departments.id, budgetsProjects.departmentId))
		.where(and(eq(budgetsProjects.moduleId, moduleId), eq(budgetsProjects.funded, true)))
		.orderBy(asc(budgetsZones.position), asc(budgetsProjects.code));

/** A project's timeline entries, newest first. */
export const progressOf = (db: Db, projectId: string): Promise<ProgressEntry[]> =>
	db
		.select()
		.from(budgetsProgress)
		.where(eq(budgetsProgress.projectId, projectId))
		.orderBy(desc(budgetsProgress.createdAt), desc(budgetsProgress.id));

export async function departmentName(db: Db, departmentId: string | null) {
	if (!departmentId) return null;
	const [d] = await db.select({ name: departments.name }).from(departments).where(eq(departments.id, departmentId));
	return d?.name ?? null;
}

/** When each pot's results were computed (the date a project became funded). */
export async function resultDates(db: Db, zoneIds: string[]): Promise<Map<string, Date>> {
	if (!zoneIds.length) return new Map();
	const rows = await db
		.select({ zoneId: budgetsResults.zoneId, at: budgetsResults.computedAt })
		.from(budgetsResults)
		.where(inArray(budgetsResults.zoneId, zoneIds));
	return new Map(rows.map((r) => [r.zoneId, r.at]));
}
