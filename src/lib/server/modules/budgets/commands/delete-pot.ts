/** Staff remove a pot that has no projects (a pot with ideas cannot go: the ideas would lose their place). */
import { count, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb, type Db } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import { findPot } from '../queries.ts';
import { budgetsProjects, budgetsZones } from '../schema.ts';

export async function deletePot(
	actor: Actor,
	{ moduleId, potId }: { moduleId: string; potId: string }
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, 'manage', ctx));
	const pot = await findPot(db, moduleId, potId);
	if (!pot) throw new NotFoundError('pot');
	const [{ n }] = await db.select({ n: count() }).from(budgetsProjects).where(eq(budgetsProjects.zoneId, potId));
	if (n > 0) return invalid({ pot: 'budgets_error_pot_has_projects' });
	await db.transaction(async (tx) => {
		await tx.delete(budgetsZones).where(eq(budgetsZones.id, potId));
		await recordAction(tx as unknown as Db, actor, {
			action: 'budgets.delete_pot',
			resourceType: 'budget_pot',
			resourceId: potId,
			spaceId: ctx.space.id,
			data: { code: pot.code }
		});
	});
	return ok(null);
}
