/**
 * What a "Promote to a budget idea" form on another module's page needs: the editions (with their pots) the actor
 * may add ideas to, and a reader for the form that calls `promoteToIdea`.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { moduleInstances, spaces } from '../../platform/db/schema.ts';
import { invalid, type Result } from '../../platform/result.ts';
import { promoteToIdea, type PromotionSource } from './commands/promote-to-idea.ts';
import { managesBudgets } from './permissions.ts';
import { budgetsZones } from './schema.ts';

export async function promotionTargets(actor: Actor) {
	const db = await getDb();
	const editions = (
		await db
			.select({
				moduleId: moduleInstances.id,
				title: moduleInstances.title,
				spaceId: spaces.id,
				spaceTitle: spaces.title
			})
			.from(moduleInstances)
			.innerJoin(spaces, eq(spaces.id, moduleInstances.spaceId))
			.where(eq(moduleInstances.kind, 'budgets'))
			.orderBy(asc(moduleInstances.createdAt))
	).filter((e) => managesBudgets(actor, e.spaceId));
	if (!editions.length) return [];
	const pots = await db
		.select({ id: budgetsZones.id, moduleId: budgetsZones.moduleId, code: budgetsZones.code, name: budgetsZones.name })
		.from(budgetsZones)
		.where(
			and(
				inArray(
					budgetsZones.moduleId,
					editions.map((e) => e.moduleId)
				)
			)
		)
		.orderBy(asc(budgetsZones.position), asc(budgetsZones.code));
	return editions.map((e) => ({ ...e, pots: pots.filter((p) => p.moduleId === e.moduleId) }));
}

/** Reads `promoteTo` (`moduleId` or `moduleId:potId`) and `estimatedCost` from a submitted form and promotes. */
export async function promoteFromForm(
	actor: Actor,
	source: PromotionSource,
	form: FormData
): Promise<Result<{ id: string; code: string; created: boolean; moduleId: string }>> {
	const [moduleId, zoneId] = String(form.get('promoteTo') ?? '').split(':');
	const cost = Number(String(form.get('estimatedCost') ?? '').replace(/[\s.,]/g, ''));
	if (!moduleId) return invalid({ promoteTo: 'validation_required' });
	if (!Number.isInteger(cost) || cost <= 0) return invalid({ estimatedCost: 'budgets_error_cost' });
	const r = await promoteToIdea(actor, { moduleId, source, zoneId: zoneId || null, estimatedCost: cost });
	return r.ok ? { ok: true, value: { ...r.value, moduleId } } : r;
}
