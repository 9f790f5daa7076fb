/** Staff delete a category; its proposals keep existing, without a category. */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { canProposals, proposalsModule } from '../context.ts';
import { proposalsCategories } from '../schema.ts';

export async function deleteCategory(
	actor: Actor,
	{ moduleId, categoryId }: { moduleId: string; categoryId: string }
): Promise<Result<null>> {
	const db = await getDb();
	const { ctx, instance } = await proposalsModule(db, moduleId);
	authorize(canProposals(actor, 'manage', ctx));
	await db.transaction(async (tx) => {
		const [row] = await tx
			.delete(proposalsCategories)
			.where(and(eq(proposalsCategories.id, categoryId), eq(proposalsCategories.moduleId, moduleId)))
			.returning();
		if (row)
			await recordAction(tx, actor, {
				action: 'proposal_category.delete',
				resourceType: 'proposal_category',
				resourceId: categoryId,
				spaceId: instance.spaceId,
				data: { moduleId, name: row.name.ro }
			});
	});
	return ok(null);
}
