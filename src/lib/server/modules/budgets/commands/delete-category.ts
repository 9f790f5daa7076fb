/** Staff remove a category; its projects keep everything else and show no category. */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb, type Db } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import { budgetsCategories } from '../schema.ts';

export async function deleteCategory(actor: Actor, { moduleId, categoryId }: { moduleId: string; categoryId: string }) {
	const db = await getDb();
	const { ctx } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, 'manage', ctx));
	await db.transaction(async (tx) => {
		const removed = await tx
			.delete(budgetsCategories)
			.where(and(eq(budgetsCategories.id, categoryId), eq(budgetsCategories.moduleId, moduleId)))
			.returning({ id: budgetsCategories.id });
		if (removed.length)
			await recordAction(tx as unknown as Db, actor, {
				action: 'budgets.delete_category',
				resourceType: 'budget_category',
				resourceId: categoryId,
				spaceId: ctx.space.id
			});
	});
}
