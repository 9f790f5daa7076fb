/** Staff add a category to a proposals module, or rename one (names in every locale). */
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { cleanTranslated, fieldErrors } from '../../../platform/spaces/forms.ts';
import { canProposals, proposalsModule } from '../context.ts';
import { CategoryInput } from '../forms.ts';
import { proposalsCategories } from '../schema.ts';

export async function saveCategory(
	actor: Actor,
	{ moduleId, categoryId }: { moduleId: string; categoryId?: string },
	input: CategoryInput
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { ctx, instance } = await proposalsModule(db, moduleId);
	authorize(canProposals(actor, 'manage', ctx));
	const form = CategoryInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const name = cleanTranslated(form.data.name);
	const id = await db.transaction(async (tx) => {
		let row: { id: string } | undefined;
		if (categoryId) {
			[row] = await tx
				.update(proposalsCategories)
				.set({ name })
				.where(and(eq(proposalsCategories.id, categoryId), eq(proposalsCategories.moduleId, moduleId)))
				.returning({ id: proposalsCategories.id });
			if (!row) throw new NotFoundError('category');
		} else {
			[row] = await tx
				.insert(proposalsCategories)
				.values({
					moduleId,
					name,
					position: sql`(select coalesce(max(position) + 1, 0) from proposals_categories where module_id = ${moduleId})`
				})
				.returning({ id: proposalsCategories.id });
		}
		await recordAction(tx, actor, {
			action: categoryId ? 'proposal_category.update' : 'proposal_category.create',
			resourceType: 'proposal_category',
			resourceId: row.id,
			spaceId: instance.spaceId,
			data: { moduleId, name: name.ro }
		});
		return row.id;
	});
	return ok({ id });
}
