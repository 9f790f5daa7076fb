/**
 * Staff turn another resource (a citizen proposal; later a problem report) into a budget idea: its title, text and
 * place become the idea's, its author (if any) becomes the idea's author, and a `became` link keeps the chain. The
 * pot is the one given, else the zone pot covering the place's neighbourhood, else the city-wide pot. Promoting the
 * same resource twice (even at once) returns the first idea.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb, type Db, type Tx } from '../../../platform/db/index.ts';
import { follows, zoneNeighbourhoods } from '../../../platform/db/schema.ts';
import { linkResources, linksOf, type ResourceRef } from '../../../platform/links/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import { nextProjectCode } from '../project-code.ts';
import { PROJECT_RESOURCE } from '../queries.ts';
import { budgetsProjects, budgetsZones } from '../schema.ts';
import { indexProject } from '../search.ts';

export interface PromotionSource extends ResourceRef {
	title: string;
	body: string;
	place?: { address?: string | null; neighbourhoodId?: string | null; lat?: number | null; lng?: number | null };
	/** The source's author, who becomes the idea's author (notified of decisions, may appeal). */
	authorId?: string | null;
}

async function potFor(db: Db | Tx, moduleId: string, neighbourhoodId: string | null | undefined) {
	if (neighbourhoodId) {
		const [zonePot] = await db
			.select({ id: budgetsZones.id })
			.from(budgetsZones)
			.innerJoin(zoneNeighbourhoods, eq(zoneNeighbourhoods.zoneId, budgetsZones.zoneId))
			.where(and(eq(budgetsZones.moduleId, moduleId), eq(zoneNeighbourhoods.neighbourhoodId, neighbourhoodId)))
			.limit(1);
		if (zonePot) return zonePot.id;
	}
	const [cityWide] = await db
		.select({ id: budgetsZones.id })
		.from(budgetsZones)
		.where(and(eq(budgetsZones.moduleId, moduleId), isNull(budgetsZones.zoneId)))
		.limit(1);
	return cityWide?.id ?? null;
}

const ideaOf = async (db: Db | Tx, source: ResourceRef) =>
	(await linksOf(db as Db, source, { kind: 'became' })).find(
		(l) => l.direction === 'outgoing' && l.other.resourceType === PROJECT_RESOURCE
	)?.other.resourceId;

export async function promoteToIdea(
	actor: Actor,
	input: { moduleId: string; source: PromotionSource; zoneId?: string | null; estimatedCost: number }
): Promise<Result<{ id: string; code: string; created: boolean }>> {
	const db = await getDb();
	const { moduleId, source } = input;
	const { ctx } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, 'manage', ctx));
	if (!Number.isInteger(input.estimatedCost) || input.estimatedCost <= 0)
		return invalid({ estimatedCost: 'budgets_error_cost' });
	const result = await db.transaction(async (tx) => {
		// One promotion of a source at a time: the link written at the end is what the next one finds.
		await tx.execute(
			sql`select pg_advisory_xact_lock(hashtext(${`budgets-promote:${source.resourceType}:${source.resourceId}`}))`
		);
		const existing = await ideaOf(tx, source);
		if (existing) {
			const [p] = await tx.select().from(budgetsProjects).where(eq(budgetsProjects.id, existing));
			if (p) return { project: p, created: false };
		}
		const potId = input.zoneId || (await potFor(tx, moduleId, source.place?.neighbourhoodId));
		const [pot] = potId
			? await tx
					.select()
					.from(budgetsZones)
					.where(and(eq(budgetsZones.id, potId), eq(budgetsZones.moduleId, moduleId)))
			: [];
		if (!pot) return { error: { zoneId: 'budgets_error_pot' } };
		if (input.estimatedCost > (pot.maxProjectCost ?? pot.budget))
			return { error: { estimatedCost: 'budgets_error_cost_above_max' } };
		const code = await nextProjectCode(tx, moduleId, pot.id);
		const [project] = await tx
			.insert(budgetsProjects)
			.values({
				moduleId,
				zoneId: pot.id,
				code,
				authorId: source.authorId ?? null,
				title: source.title.slice(0, 150),
				body: source.body,
				neighbourhoodId: source.place?.neighbourhoodId ?? null,
				address: source.place?.address ?? null,
				latitude: source.place?.lat ?? null,
				longitude: source.place?.lng ?? null,
				estimatedCost: input.estimatedCost
			})
			.returning();
		await linkResources(
			tx as unknown as Db,
			source,
			{ resourceType: PROJECT_RESOURCE, resourceId: project.id },
			'became',
			{
				createdBy: isUser(actor) ? actor.id : null
			}
		);
		if (project.authorId)
			await tx
				.insert(follows)
				.values({ userId: project.authorId, resourceType: PROJECT_RESOURCE, resourceId: project.id })
				.onConflictDoNothing();
		await recordAction(tx as unknown as Db, actor, {
			action: 'budgets.promote',
			resourceType: PROJECT_RESOURCE,
			resourceId: project.id,
			spaceId: ctx.space.id,
			data: { code, from: `${source.resourceType}:${source.resourceId}` }
		});
		return { project, created: true };
	});
	if ('error' in result) return invalid(result.error as unknown as Record<string, string>);
	if (result.created) await indexProject(db, result.project);
	return ok({ id: result.project.id, code: result.project.code, created: result.created });
}
