/** Staff add or rename a category of the edition (named in every locale they fill in). */
import { and, count, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb, type Db } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { cleanTranslated } from '../../../platform/spaces/forms.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import { CategoryInput } from '../forms.ts';
import { budgetsCategories } from '../schema.ts';

export async function saveCategory(
	actor: Actor,
	{ moduleId, categoryId }: { moduleId: string; categoryId?: string },
	input: CategoryInput
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { ctx } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, 'manage', ctx));
	const parsed = CategoryInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const name = cleanTranslated(parsed.data.name);
	const id = await db.transaction(async (tx) => {
		let row;
		if (categoryId) {
			[row] = await tx
				.update(budgetsCategories)
				.set({ name })
				.where(and(eq(budgetsCategories.id, categoryId), eq(budgetsCategories.moduleId, moduleId)))
				.returning();
			if (!row) throw new NotFoundError('category');
		} else {
			const [{ n }] = await tx
				.select({ n: count() })
				.from(budgetsCategories)
				.where(eq(budgetsCategories.moduleId, moduleId));
			[row] = await tx.insert(budgetsCategories).values({ moduleId, name, position: n }).returning();
		}
		await recordAction(tx as unknown as Db, actor, {
			action: categoryId ? 'budgets.update_category' : 'budgets.create_category',
			resourceType: 'budget_category',
			resourceId: row.id,
			spaceId: ctx.space.id,
			data: { name }
		});
		return row.id;
	});
	return ok({ id });
}
