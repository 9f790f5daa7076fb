/** Reads of proposals. The list selects only its columns and counts with one indexed query; no per-row queries. */
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/index.ts';
import { preparedQuery } from '../../platform/db/prepared.ts';
import type { SessionRead } from '../../platform/actors/load-actor.ts';
import { files, moduleInstances, neighbourhoods, spaces, user } from '../../platform/db/schema.ts';
import {
	proposalsCategories,
	proposalsEvaluators,
	proposalsEvents,
	proposalsFiles,
	proposalsNotes,
	proposalsProposals,
	proposalsStates,
	proposalsSupports
} from './schema.ts';

export type Proposal = typeof proposalsProposals.$inferSelect;
export type Category = typeof proposalsCategories.$inferSelect;
export type CustomState = typeof proposalsStates.$inferSelect;

export const proposalUrl = (spaceSlug: string, moduleId: string, proposalId: string) =>
	`/processes/${spaceSlug}/proposals/${moduleId}/${proposalId}`;

export async function findProposal(db: Db, moduleId: string, proposalId: string): Promise<Proposal | undefined> {
	const [row] = await db
		.select()
		.from(proposalsProposals)
		.where(and(eq(proposalsProposals.moduleId, moduleId), eq(proposalsProposals.id, proposalId)));
	return row;
}

/** The module a proposal belongs to (for commands addressed by proposal only, e.g. comments and follows). */
export async function proposalWithSpace(db: Db, proposalId: string) {
	const [row] = await db
		.select({
			proposal: proposalsProposals,
			spaceId: spaces.id,
			spaceSlug: spaces.slug,
			spaceStatus: spaces.status,
			modulePublished: moduleInstances.published
		})
		.from(proposalsProposals)
		.innerJoin(moduleInstances, eq(moduleInstances.id, proposalsProposals.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(eq(proposalsProposals.id, proposalId));
	return row;
}

export const categoriesOf = (db: Db, moduleId: string): Promise<Category[]> =>
	db
		.select()
		.from(proposalsCategories)
		.where(eq(proposalsCategories.moduleId, moduleId))
		.orderBy(asc(proposalsCategories.position), asc(proposalsCategories.createdAt));

export const statesOf = (db: Db, moduleId: string): Promise<CustomState[]> =>
	db
		.select()
		.from(proposalsStates)
		.where(eq(proposalsStates.moduleId, moduleId))
		.orderBy(asc(proposalsStates.position), asc(proposalsStates.createdAt));

export const neighbourhoodChoices = (db: Db) =>
	db
		.select({ id: neighbourhoods.id, name: neighbourhoods.name })
		.from(neighbourhoods)
		.orderBy(asc(sql`${neighbourhoods.name}->>'ro'`));

export interface ListFilters {
	q?: string;
	neighbourhood?: string;
	category?: string;
	/** published | evaluating | accepted | rejected | withdrawn | a custom state id; empty: all but withdrawn */
	state?: string;
	sort: 'supported' | 'newest' | 'random';
	seed?: number;
	/** Only proposals assigned to this evaluator. */
	assignedTo?: string;
}

function listWhere(moduleId: string | string[], f: ListFilters): SQL {
	const where: SQL[] = [
		Array.isArray(moduleId) ? inArray(proposalsProposals.moduleId, moduleId) : eq(proposalsProposals.moduleId, moduleId)
	];
	if (f.state === 'withdrawn') where.push(isNotNull(proposalsProposals.withdrawnAt));
	else {
		where.push(isNull(proposalsProposals.withdrawnAt));
		if (f.state && ['published', 'evaluating', 'accepted', 'rejected'].includes(f.state))
			where.push(eq(proposalsProposals.state, f.state));
		else if (f.state) where.push(eq(proposalsProposals.customStateId, f.state));
	}
	if (f.neighbourhood) where.push(eq(proposalsProposals.neighbourhoodId, f.neighbourhood));
	if (f.category) where.push(eq(proposalsProposals.categoryId, f.category));
	if (f.q) {
		const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
		// Full-text (stemmed, accent-insensitive) for words, a title substring for partial words.
		where.push(
			or(
				sql`${proposalsProposals.search} @@ websearch_to_tsquery('ro_unaccent'::regconfig, ${f.q})`,
				ilike(proposalsProposals.title, like)
			)!
		);
	}
	if (f.assignedTo)
		where.push(
			inArray(
				proposalsProposals.id,
				sql`(select ${proposalsEvaluators.proposalId} from ${proposalsEvaluators} where ${proposalsEvaluators.userId} = ${f.assignedTo})`
			)
		);
	return and(...where)!;
}

/** One page of the list and the total, for the filters; list columns only (no body). */
export async function listProposals(
	db: Db,
	moduleId: string | string[],
	filters: ListFilters,
	{ page, perPage }: { page: number; perPage: number }
) {
	const where = listWhere(moduleId, filters);
	const order =
		filters.sort === 'supported'
			? [desc(proposalsProposals.supportsCount), desc(proposalsProposals.createdAt)]
			: filters.sort === 'random'
				? // A seeded shuffle: the same seed gives the same order, so paging is stable.
					[sql`md5(${proposalsProposals.id} || ${String(filters.seed ?? 1)})`]
				: [desc(proposalsProposals.createdAt)];
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				id: proposalsProposals.id,
				title: proposalsProposals.title,
				state: proposalsProposals.state,
				customStateId: proposalsProposals.customStateId,
				categoryId: proposalsProposals.categoryId,
				neighbourhoodId: proposalsProposals.neighbourhoodId,
				address: proposalsProposals.address,
				latitude: proposalsProposals.latitude,
				longitude: proposalsProposals.longitude,
				supportsCount: proposalsProposals.supportsCount,
				withdrawnAt: proposalsProposals.withdrawnAt,
				answeredAt: proposalsProposals.answeredAt,
				costEstimate: proposalsProposals.costEstimate,
				moduleId: proposalsProposals.moduleId,
				createdAt: proposalsProposals.createdAt,
				authorName: sql<string | null>`case when ${user.deletedAt} is null then ${user.name} end`
			})
			.from(proposalsProposals)
			.leftJoin(user, eq(user.id, proposalsProposals.authorId))
			.where(where)
			.orderBy(...order)
			.limit(perPage)
			.offset((page - 1) * perPage),
		db.select({ total: count() }).from(proposalsProposals).where(where)
	]);
	return { rows, total };
}

/** The pins of every proposal matching the filters (a map shows them all, not one page). */
export const proposalPins = (db: Db, moduleId: string, filters: ListFilters) =>
	db
		.select({
			id: proposalsProposals.id,
			title: proposalsProposals.title,
			latitude: sql<number>`${proposalsProposals.latitude}`,
			longitude: sql<number>`${proposalsProposals.longitude}`
		})
		.from(proposalsProposals)
		.where(and(listWhere(moduleId, filters), isNotNull(proposalsProposals.latitude)))
		.limit(1000);

export const filesOf = (db: Db, proposalId: string) =>
	db
		.select({
			fileId: proposalsFiles.fileId,
			kind: proposalsFiles.kind,
			name: files.originalName,
			mimeType: files.mimeType,
			size: files.size,
			width: files.width,
			height: files.height
		})
		.from(proposalsFiles)
		.innerJoin(files, eq(files.id, proposalsFiles.fileId))
		.where(eq(proposalsFiles.proposalId, proposalId))
		.orderBy(asc(proposalsFiles.position));

export const eventsOf = (db: Db, proposalId: string) =>
	db
		.select({
			id: proposalsEvents.id,
			kind: proposalsEvents.kind,
			data: proposalsEvents.data,
			at: proposalsEvents.createdAt
		})
		.from(proposalsEvents)
		.where(eq(proposalsEvents.proposalId, proposalId))
		.orderBy(asc(proposalsEvents.createdAt), asc(proposalsEvents.id));

/** Which of the proposals the person supports. */
export async function supportedAmong(db: Db, userId: string, proposalIds: string[]): Promise<Set<string>> {
	if (!proposalIds.length) return new Set();
	const rows = await supportedAmongQuery(db).execute({ userId, proposalIds });
	return new Set(rows.map((r) => r.id));
}

/**
 * Which of `proposalIds` the session's user supports, as a JSON array read in the session's statement (a list served
 * shared: personal-parts.ts, ADR 0007).
 */
export const supportedAmongRead: SessionRead = {
	name: 'proposals_supported_among',
	column: (userId) =>
		sql`(select coalesce(json_agg(${proposalsSupports.proposalId}), '[]'::json) from ${proposalsSupports} where ${proposalsSupports.userId} = ${userId} and ${proposalsSupports.proposalId} = any(${sql.placeholder('proposalIds')}))`
};

/** On every list page of a signed-in visitor (a page of ids at once): prepared. */
const supportedAmongQuery = preparedQuery((db: Db) =>
	db
		.select({ id: proposalsSupports.proposalId })
		.from(proposalsSupports)
		.where(
			and(
				eq(proposalsSupports.userId, sql.placeholder('userId')),
				sql`${proposalsSupports.proposalId} = any(${sql.placeholder('proposalIds')})`
			)
		)
		.prepare('proposals_supported_among')
);

/** How many supports the person has given in the module. */
export async function supportsGivenIn(db: Db, moduleId: string, userId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(proposalsSupports)
		.where(and(eq(proposalsSupports.moduleId, moduleId), eq(proposalsSupports.userId, userId)));
	return row?.n ?? 0;
}

export const supportersOf = async (db: Db, proposalId: string) =>
	(
		await db
			.select({ userId: proposalsSupports.userId })
			.from(proposalsSupports)
			.where(eq(proposalsSupports.proposalId, proposalId))
	).map((r) => r.userId);

export const evaluatorsOf = (db: Db, proposalId: string) =>
	db
		.select({ id: user.id, name: user.name, email: user.email })
		.from(proposalsEvaluators)
		.innerJoin(user, eq(user.id, proposalsEvaluators.userId))
		.where(eq(proposalsEvaluators.proposalId, proposalId))
		.orderBy(asc(user.name));

export async function isAssigned(db: Db, proposalId: string, userId: string): Promise<boolean> {
	const [row] = await db
		.select({ userId: proposalsEvaluators.userId })
		.from(proposalsEvaluators)
		.where(and(eq(proposalsEvaluators.proposalId, proposalId), eq(proposalsEvaluators.userId, userId)));
	return !!row;
}

export const notesOf = (db: Db, proposalId: string) =>
	db
		.select({ id: proposalsNotes.id, body: proposalsNotes.body, at: proposalsNotes.createdAt, authorName: user.name })
		.from(proposalsNotes)
		.leftJoin(user, eq(user.id, proposalsNotes.authorId))
		.where(eq(proposalsNotes.proposalId, proposalId))
		.orderBy(asc(proposalsNotes.createdAt));

/** Proposals of several modules with their space, for exports and search (withdrawn ones included; callers filter). */
export async function proposalsWithSpace(db: Db, moduleIds: string[]) {
	if (!moduleIds.length) return [];
	return db
		.select({
			proposal: proposalsProposals,
			spaceId: spaces.id,
			spaceSlug: spaces.slug,
			public: sql<boolean>`(${spaces.status} = 'published' and ${moduleInstances.published})`
		})
		.from(proposalsProposals)
		.innerJoin(moduleInstances, eq(moduleInstances.id, proposalsProposals.moduleId))
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(inArray(proposalsProposals.moduleId, moduleIds))
		.orderBy(asc(proposalsProposals.createdAt));
}
