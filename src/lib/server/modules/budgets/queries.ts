/** Reads of an edition's pots, categories, projects (ideas), decisions and appeals. No per-row queries in lists. */
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import {
	departments,
	files,
	moduleInstances,
	neighbourhoods,
	phases,
	spaces,
	user,
	zones
} from '../../platform/db/schema.ts';
import { dateInBucharest, startOfDayInBucharest } from '../../platform/calendar/date.ts';
import {
	budgetsAppeals,
	budgetsCategories,
	budgetsDecisions,
	budgetsProjectFiles,
	budgetsProjects,
	budgetsZones
} from './schema.ts';

export type Project = typeof budgetsProjects.$inferSelect;
export type Pot = typeof budgetsZones.$inferSelect;
export type Category = typeof budgetsCategories.$inferSelect;
export type Decision = typeof budgetsDecisions.$inferSelect;
export type Appeal = typeof budgetsAppeals.$inferSelect;

/** The resource type of a project in links, follows, comments and the search index. */
export const PROJECT_RESOURCE = 'budget_project';

export const editionUrl = (spaceSlug: string, moduleId: string) => `/processes/${spaceSlug}/budgets/${moduleId}`;
export const projectUrl = (spaceSlug: string, moduleId: string, projectId: string) =>
	`${editionUrl(spaceSlug, moduleId)}/projects/${projectId}`;

/** The SQL condition of "on the ballot": eligible, feasible and not withdrawn. */
export const onBallot = () =>
	and(
		eq(budgetsProjects.eligibility, 'eligible'),
		eq(budgetsProjects.evaluation, 'feasible'),
		isNull(budgetsProjects.withdrawnAt)
	)!;

/** The public state of a project: withdrawn, funded, on the ballot, ineligible (or unfeasible), or idea. */
export function projectState(p: Pick<Project, 'eligibility' | 'evaluation' | 'withdrawnAt' | 'funded'>) {
	if (p.withdrawnAt) return 'withdrawn' as const;
	if (p.funded) return 'funded' as const;
	if (p.eligibility === 'ineligible' || p.evaluation === 'unfeasible') return 'ineligible' as const;
	if (p.eligibility === 'eligible' && p.evaluation === 'feasible') return 'ballot' as const;
	if (p.eligibility === 'eligible') return 'eligible' as const;
	return 'idea' as const;
}
export type ProjectState = ReturnType<typeof projectState>;

export const potsOf = (db: Db, moduleId: string) =>
	db
		.select()
		.from(budgetsZones)
		.where(eq(budgetsZones.moduleId, moduleId))
		.orderBy(asc(budgetsZones.position), asc(budgetsZones.code));

export const categoriesOf = (db: Db, moduleId: string): Promise<Category[]> =>
	db
		.select()
		.from(budgetsCategories)
		.where(eq(budgetsCategories.moduleId, moduleId))
		.orderBy(asc(budgetsCategories.position), asc(budgetsCategories.createdAt));

export const zoneChoices = (db: Db) =>
	db
		.select({ id: zones.id, name: zones.name })
		.from(zones)
		.orderBy(asc(sql`${zones.name}->>'ro'`));

export const departmentChoices = (db: Db) =>
	db
		.select({ id: departments.id, name: departments.name })
		.from(departments)
		.orderBy(asc(sql`${departments.name}::text`));

export async function findProject(db: Db, moduleId: string, projectId: string): Promise<Project | undefined> {
	const [row] = await db
		.select()
		.from(budgetsProjects)
		.where(and(eq(budgetsProjects.moduleId, moduleId), eq(budgetsProjects.id, projectId)));
	return row;
}

export async function findPot(db: Db, moduleId: string, potId: string): Promise<Pot | undefined> {
	const [row] = await db
		.select()
		.from(budgetsZones)
		.where(and(eq(budgetsZones.moduleId, moduleId), eq(budgetsZones.id, potId)));
	return row;
}

/** A project with its module's space (for commands addressed by project only: comments, follows, files). */
export async function projectWithSpace(db: Db, projectId: string) {
	const [row] = await db
		.select({
			project: budgetsProjects,
			spaceId: spaces.id,
			spaceSlug: spaces.slug,
			spaceStatus: spaces.status,
			modulePublished: moduleInstances.published
		})
		.from(budgetsProjects)
		.innerJoin(moduleInstances, eq(moduleInstances.id, budgetsProjects.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(eq(budgetsProjects.id, projectId));
	return row;
}

/** Projects of several modules with their pot, category and space, for exports and search. */
export async function projectsWithSpace(db: Db, moduleIds: string[]) {
	if (!moduleIds.length) return [];
	return db
		.select({
			project: budgetsProjects,
			potCode: budgetsZones.code,
			categoryName: budgetsCategories.name,
			neighbourhoodSlug: neighbourhoods.slug,
			spaceId: spaces.id,
			spaceSlug: spaces.slug,
			public: sql<boolean>`(${spaces.status} = 'published' and ${moduleInstances.published})`
		})
		.from(budgetsProjects)
		.innerJoin(budgetsZones, eq(budgetsZones.id, budgetsProjects.zoneId))
		.leftJoin(budgetsCategories, eq(budgetsCategories.id, budgetsProjects.categoryId))
		.leftJoin(neighbourhoods, eq(neighbourhoods.id, budgetsProjects.neighbourhoodId))
		.innerJoin(moduleInstances, eq(moduleInstances.id, budgetsProjects.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(inArray(budgetsProjects.moduleId, moduleIds))
		.orderBy(asc(budgetsProjects.code));
}

export interface ProjectFilters {
	q?: string;
	pot?: string;
	category?: string;
	/** idea | eligible | ineligible | ballot | funded | withdrawn; empty: all but withdrawn */
	state?: string;
	/** Only projects of these departments (evaluation lists). */
	departmentIds?: string[];
}

function projectsWhere(moduleId: string, f: ProjectFilters): SQL {
	const where: SQL[] = [eq(budgetsProjects.moduleId, moduleId)];
	if (f.state === 'withdrawn') where.push(isNotNull(budgetsProjects.withdrawnAt));
	else where.push(isNull(budgetsProjects.withdrawnAt));
	if (f.state === 'idea')
		where.push(
			and(
				ne(budgetsProjects.eligibility, 'ineligible'),
				ne(budgetsProjects.evaluation, 'unfeasible'),
				or(ne(budgetsProjects.eligibility, 'eligible'), ne(budgetsProjects.evaluation, 'feasible'))!
			)!
		);
	if (f.state === 'eligible') where.push(eq(budgetsProjects.eligibility, 'eligible'));
	if (f.state === 'ineligible')
		where.push(or(eq(budgetsProjects.eligibility, 'ineligible'), eq(budgetsProjects.evaluation, 'unfeasible'))!);
	if (f.state === 'ballot') where.push(onBallot());
	if (f.state === 'funded') where.push(eq(budgetsProjects.funded, true));
	if (f.pot) where.push(eq(budgetsProjects.zoneId, f.pot));
	if (f.category) where.push(eq(budgetsProjects.categoryId, f.category));
	if (f.departmentIds)
		where.push(inArray(budgetsProjects.departmentId, f.departmentIds.length ? f.departmentIds : ['']));
	if (f.q) where.push(ilike(budgetsProjects.title, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
	return and(...where)!;
}

/** Every project matching the filters, list columns only (an edition has at most a few hundred ideas). */
export const listProjects = (db: Db, moduleId: string, filters: ProjectFilters) =>
	db
		.select({
			id: budgetsProjects.id,
			code: budgetsProjects.code,
			title: budgetsProjects.title,
			zoneId: budgetsProjects.zoneId,
			categoryId: budgetsProjects.categoryId,
			departmentId: budgetsProjects.departmentId,
			estimatedCost: budgetsProjects.estimatedCost,
			cityCost: budgetsProjects.cityCost,
			eligibility: budgetsProjects.eligibility,
			evaluation: budgetsProjects.evaluation,
			withdrawnAt: budgetsProjects.withdrawnAt,
			funded: budgetsProjects.funded,
			latitude: budgetsProjects.latitude,
			longitude: budgetsProjects.longitude,
			createdAt: budgetsProjects.createdAt
		})
		.from(budgetsProjects)
		.where(projectsWhere(moduleId, filters))
		.orderBy(asc(budgetsProjects.code))
		.limit(2000);

export const filesOf = (db: Db, projectId: string) =>
	db
		.select({
			fileId: budgetsProjectFiles.fileId,
			kind: budgetsProjectFiles.kind,
			name: files.originalName,
			width: files.width,
			height: files.height
		})
		.from(budgetsProjectFiles)
		.innerJoin(files, eq(files.id, budgetsProjectFiles.fileId))
		.where(eq(budgetsProjectFiles.projectId, projectId))
		.orderBy(asc(budgetsProjectFiles.position));

/** The public decision log of a project, oldest first. */
export const decisionsOf = (db: Db, projectId: string) =>
	db
		.select()
		.from(budgetsDecisions)
		.where(eq(budgetsDecisions.projectId, projectId))
		.orderBy(asc(budgetsDecisions.createdAt), asc(budgetsDecisions.id));

export const appealsOf = (db: Db, projectId: string) =>
	db
		.select()
		.from(budgetsAppeals)
		.where(eq(budgetsAppeals.projectId, projectId))
		.orderBy(asc(budgetsAppeals.createdAt));

/** Pending appeals of an edition with their project, oldest first (the staff queue). */
export const pendingAppeals = (db: Db, moduleId: string) =>
	db
		.select({
			appeal: budgetsAppeals,
			code: budgetsProjects.code,
			title: budgetsProjects.title,
			decisionKind: budgetsDecisions.kind,
			decisionOutcome: budgetsDecisions.outcome,
			decisionReason: budgetsDecisions.reason
		})
		.from(budgetsAppeals)
		.innerJoin(budgetsProjects, eq(budgetsProjects.id, budgetsAppeals.projectId))
		.innerJoin(budgetsDecisions, eq(budgetsDecisions.id, budgetsAppeals.decisionId))
		.where(and(eq(budgetsProjects.moduleId, moduleId), eq(budgetsAppeals.status, 'pending')))
		.orderBy(asc(budgetsAppeals.createdAt));

/** Eligible (not withdrawn) projects per pot, for the "fewer than the minimum" warning. */
export async function eligibleCounts(db: Db, moduleId: string): Promise<Map<string, number>> {
	const rows = await db
		.select({ zoneId: budgetsProjects.zoneId, n: count() })
		.from(budgetsProjects)
		.where(
			and(
				eq(budgetsProjects.moduleId, moduleId),
				eq(budgetsProjects.eligibility, 'eligible'),
				isNull(budgetsProjects.withdrawnAt)
			)
		)
		.groupBy(budgetsProjects.zoneId);
	return new Map(rows.map((r) => [r.zoneId, r.n]));
}

/** The name a page shows for an author (null once the account is deleted). */
export async function authorName(db: Db, userId: string | null): Promise<string | null> {
	if (!userId) return null;
	const [row] = await db
		.select({ name: sql<string | null>`case when ${user.deletedAt} is null then ${user.name} end` })
		.from(user)
		.where(eq(user.id, userId));
	return row?.name ?? null;
}

/** The projects a person wrote, newest first (for their data export). */
export const projectsBy = (db: Db, userId: string) =>
	db
		.select()
		.from(budgetsProjects)
		.where(eq(budgetsProjects.authorId, userId))
		.orderBy(desc(budgetsProjects.createdAt));

export async function projectOrThrow(db: Db, moduleId: string, projectId: string): Promise<Project> {
	const p = await findProject(db, moduleId, projectId);
	if (!p) throw new NotFoundError('project');
	return p;
}

/**
 * When the edition's appeals stage opens after `after`: the start (Europe/Bucharest) of the first phase in the
 * `appeals` stage that has not ended by then, or null when the edition has none.
 */
export async function appealsOpenAt(db: Db, moduleId: string, after: Date): Promise<Date | null> {
	const [instance] = await db
		.select({ spaceId: moduleInstances.spaceId, phaseSettings: moduleInstances.phaseSettings })
		.from(moduleInstances)
		.where(eq(moduleInstances.id, moduleId));
	if (!instance) return null;
	const rows = await db
		.select({ id: phases.id, startsOn: phases.startsOn, endsOn: phases.endsOn })
		.from(phases)
		.where(eq(phases.spaceId, instance.spaceId))
		.orderBy(asc(phases.startsOn));
	const settings = instance.phaseSettings as Record<string, { stage?: string } | undefined>;
	const day = dateInBucharest(after);
	const phase = rows.find((r) => settings[r.id]?.stage === 'appeals' && r.endsOn >= day);
	return phase ? startOfDayInBucharest(phase.startsOn) : null;
}
