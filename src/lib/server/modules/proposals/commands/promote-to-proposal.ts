/**
 * Staff turn another resource (a problem report) into a proposal of a proposals module: its title, text and place
 * become the proposal's, its author (if any) becomes the proposal's author and follows it, and a `became` link keeps
 * the chain. Promoting the same resource twice (even at once) returns the first proposal.
 */
import { eq, sql } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb, type Db } from '../../../platform/db/index.ts';
import { follows, moduleInstances, spaces } from '../../../platform/db/schema.ts';
import { linkResources, linksOf, type ResourceRef } from '../../../platform/links/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { canProposals, proposalsModule } from '../context.ts';
import { recordProposalEvent } from '../events.ts';
import { managesProposals } from '../permissions.ts';
import { proposalsProposals } from '../schema.ts';
import { indexProposal } from '../search.ts';

export interface ProposalPromotionSource extends ResourceRef {
	title: string;
	body: string;
	place?: { address?: string | null; neighbourhoodId?: string | null; lat?: number | null; lng?: number | null };
	authorId?: string | null;
}

export async function promoteToProposal(
	actor: Actor,
	input: { moduleId: string; source: ProposalPromotionSource }
): Promise<Result<{ id: string; created: boolean }>> {
	const db = await getDb();
	const { ctx } = await proposalsModule(db, input.moduleId);
	authorize(canProposals(actor, 'manage', ctx));
	const { source } = input;
	const result = await db.transaction(async (tx) => {
		await tx.execute(
			sql`select pg_advisory_xact_lock(hashtext(${`proposals-promote:${source.resourceType}:${source.resourceId}`}))`
		);
		const existing = (await linksOf(tx as unknown as Db, source, { kind: 'became' })).find(
			(l) => l.direction === 'outgoing' && l.other.resourceType === 'proposal'
		);
		if (existing) return { id: existing.other.resourceId, created: false };
		const [row] = await tx
			.insert(proposalsProposals)
			.values({
				moduleId: input.moduleId,
				authorId: source.authorId ?? null,
				title: source.title.slice(0, 150),
				body: source.body,
				neighbourhoodId: source.place?.neighbourhoodId ?? null,
				address: source.place?.address ?? null,
				latitude: source.place?.lat ?? null,
				longitude: source.place?.lng ?? null
			})
			.returning();
		await recordProposalEvent(tx, row.id, 'created', { from: source.resourceType });
		await linkResources(tx as unknown as Db, source, { resourceType: 'proposal', resourceId: row.id }, 'became', {
			createdBy: isUser(actor) ? actor.id : null
		});
		if (row.authorId)
			await tx
				.insert(follows)
				.values({ userId: row.authorId, resourceType: 'proposal', resourceId: row.id })
				.onConflictDoNothing();
		await recordAction(tx as unknown as Db, actor, {
			action: 'proposals.promote',
			resourceType: 'proposal',
			resourceId: row.id,
			spaceId: ctx.space.id,
			data: { from: `${source.resourceType}:${source.resourceId}` }
		});
		return { id: row.id, created: true, row };
	});
	if (result.row) await indexProposal(db, result.row);
	return ok({ id: result.id, created: result.created });
}

/** The proposals modules the actor may promote into, with their space (for a "promote to a proposal" form). */
export async function proposalPromotionTargets(actor: Actor) {
	const db = await getDb();
	const rows = await db
		.select({
			moduleId: moduleInstances.id,
			title: moduleInstances.title,
			spaceId: spaces.id,
			spaceTitle: spaces.title
		})
		.from(moduleInstances)
		.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
		.where(eq(moduleInstances.kind, 'proposals'))
		.orderBy(moduleInstances.createdAt);
	return rows.filter((r) => managesProposals(actor, r.spaceId));
}
