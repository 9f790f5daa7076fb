/** Reads of consultations, their register and debate requests; rows are plain records. */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { moduleInstances, spaceRoles, spaces, verifications } from '../../platform/db/schema.ts';
import { endOfDayInBucharest, startOfDayInBucharest, type IsoDate } from '../../platform/calendar/index.ts';
import {
	consultationsAnnualReports,
	consultationsConsultations,
	consultationsDebateRequests,
	consultationsRecommendations
} from './schema.ts';

export type Consultation = typeof consultationsConsultations.$inferSelect;
export type Recommendation = typeof consultationsRecommendations.$inferSelect;
export type DebateRequest = typeof consultationsDebateRequests.$inferSelect;

export const consultationUrl = (spaceSlug: string, moduleId: string) =>
	`/processes/${spaceSlug}/consultations/${moduleId}`;

export async function findConsultation(db: Db, moduleId: string): Promise<Consultation | undefined> {
	const [row] = await db
		.select()
		.from(consultationsConsultations)
		.where(eq(consultationsConsultations.moduleId, moduleId));
	return row;
}

/** Consultations of several modules with their space, and whether the public may see them. */
export async function consultationsWithSpace(db: Db, moduleIds: string[]) {
	if (!moduleIds.length) return [];
	return db
		.select({
			consultation: consultationsConsultations,
			spaceId: spaces.id,
			spaceSlug: spaces.slug,
			spaceTitle: spaces.title,
			public: sql<boolean>`(${spaces.status} = 'published' and ${moduleInstances.published})`
		})
		.from(consultationsConsultations)
		.innerJoin(moduleInstances, eq(moduleInstances.id, consultationsConsultations.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(inArray(consultationsConsultations.moduleId, moduleIds))
		.orderBy(asc(spaces.slug));
}

/** Published consultations whose recommendations window has not closed, soonest deadline first. */
export function openConsultations(db: Db, today: IsoDate) {
	return db
		.select({
			consultation: consultationsConsultations,
			spaceSlug: spaces.slug,
			spaceTitle: spaces.title
		})
		.from(consultationsConsultations)
		.innerJoin(moduleInstances, eq(moduleInstances.id, consultationsConsultations.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(
			and(
				eq(spaces.status, 'published'),
				eq(moduleInstances.published, true),
				isNotNull(consultationsConsultations.publishedOn),
				isNull(consultationsConsultations.synthesisPublishedAt),
				gte(consultationsConsultations.recommendationsCloseOn, today)
			)
		)
		.orderBy(asc(consultationsConsultations.recommendationsCloseOn), asc(spaces.slug));
}

/** Resolves the `{id}` of the public API: a consultations module id, or the slug of a space that has one. */
export async function findModuleIdByIdOrSlug(db: Db, idOrSlug: string): Promise<string | undefined> {
	const [row] = await db
		.select({ moduleId: moduleInstances.id })
		.from(moduleInstances)
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(
			and(eq(moduleInstances.kind, 'consultations'), or(eq(moduleInstances.id, idOrSlug), eq(spaces.slug, idOrSlug)))
		)
		.orderBy(asc(moduleInstances.position))
		.limit(1);
	return row?.moduleId;
}

export const listRecommendations = (db: Db, consultationId: string): Promise<Recommendation[]> =>
	db
		.select()
		.from(consultationsRecommendations)
		.where(eq(consultationsRecommendations.consultationId, consultationId))
		.orderBy(asc(consultationsRecommendations.number));

export async function findRecommendation(db: Db, consultationId: string, id: string) {
	const [row] = await db
		.select()
		.from(consultationsRecommendations)
		.where(
			and(eq(consultationsRecommendations.consultationId, consultationId), eq(consultationsRecommendations.id, id))
		);
	return row;
}

export const listDebateRequests = (db: Db, consultationId: string): Promise<DebateRequest[]> =>
	db
		.select()
		.from(consultationsDebateRequests)
		.where(eq(consultationsDebateRequests.consultationId, consultationId))
		.orderBy(asc(consultationsDebateRequests.createdAt));

export async function findDebateRequest(db: Db, consultationId: string, id: string) {
	const [row] = await db
		.select()
		.from(consultationsDebateRequests)
		.where(and(eq(consultationsDebateRequests.consultationId, consultationId), eq(consultationsDebateRequests.id, id)));
	return row;
}

/** The organisation staff recorded for an account (the active `organisation` verification), if any. */
export async function organisationOf(db: Db, userId: string): Promise<{ name: string; registration: string } | null> {
	const [row] = await db
		.select({ detail: verifications.detail })
		.from(verifications)
		.where(
			and(eq(verifications.userId, userId), eq(verifications.kind, 'organisation'), isNull(verifications.revokedAt))
		)
		.orderBy(desc(verifications.createdAt))
		.limit(1);
	if (!row) return null;
	try {
		const parsed = JSON.parse(row.detail ?? '{}') as { name?: string; registration?: string };
		return { name: parsed.name ?? '', registration: parsed.registration ?? '' };
	} catch {
		return { name: row.detail ?? '', registration: '' };
	}
}

/** Indicators (a), (b) and (d) of the Law 52/2003 art. 13 report for a calendar year, from the register. */
export async function yearIndicators(db: Db, year: number) {
	const from = `${year}-01-01`;
	const to = `${year}-12-31`;
	const [recs] = await db
		.select({
			received: sql<number>`count(*)::int`,
			included: sql<number>`count(*) filter (where ${consultationsRecommendations.outcome} in ('accepted', 'partly_accepted'))::int`
		})
		.from(consultationsRecommendations)
		.where(and(gte(consultationsRecommendations.receivedOn, from), lte(consultationsRecommendations.receivedOn, to)));
	const [debates] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(consultationsDebateRequests)
		.where(
			and(
				isNotNull(consultationsDebateRequests.debateAt),
				gte(consultationsDebateRequests.debateAt, startOfDayInBucharest(from)),
				lt(consultationsDebateRequests.debateAt, endOfDayInBucharest(to))
			)
		);
	const [published] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(consultationsConsultations)
		.where(and(gte(consultationsConsultations.publishedOn, from), lte(consultationsConsultations.publishedOn, to)));
	return {
		recommendationsReceived: recs?.received ?? 0,
		recommendationsIncluded: recs?.included ?? 0,
		debatesOrganised: debates?.n ?? 0,
		draftsPublished: published?.n ?? 0
	};
}

export async function findAnnualReport(db: Db, year: number) {
	const [row] = await db.select().from(consultationsAnnualReports).where(eq(consultationsAnnualReports.year, year));
	return row;
}

/** Accounts holding the admin role of a space: they hear about requests that start a legal clock. */
export async function spaceAdminIds(db: Db, spaceId: string): Promise<string[]> {
	const rows = await db
		.select({ userId: spaceRoles.userId })
		.from(spaceRoles)
		.where(and(eq(spaceRoles.spaceId, spaceId), eq(spaceRoles.role, 'admin')));
	return rows.map((r) => r.userId);
}

/** The space's meetings module, if one is mounted: a requested debate is scheduled there as a public meeting. */
export async function meetingsModuleOf(db: Db, spaceId: string): Promise<string | undefined> {
	const [row] = await db
		.select({ id: moduleInstances.id })
		.from(moduleInstances)
		.where(and(eq(moduleInstances.spaceId, spaceId), eq(moduleInstances.kind, 'meetings')))
		.orderBy(asc(moduleInstances.position))
		.limit(1);
	return row?.id;
}
