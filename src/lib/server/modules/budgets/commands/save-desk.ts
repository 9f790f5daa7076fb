/** Staff add a voting desk to an edition (name, address), or rename one. */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { fieldErrors } from '../../../platform/spaces/forms.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import { DeskInput } from '../desk-forms.ts';
import { budgetsDesks } from '../schema.ts';

export async function saveDesk(
	actor: Actor,
	{ moduleId, deskId }: { moduleId: string; deskId?: string },
	input: DeskInput
): Promise<Result<{ id: string }>> {
	const db = await getDb();
	const { ctx, instance } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, 'manage', ctx));
	const form = DeskInput.safeParse(input);
	if (!form.success) return invalid(fieldErrors(form.error));
	const values = { name: form.data.name, address: form.data.address || null };
	const id = await db.transaction(async (tx) => {
		const [row] = deskId
			? await tx
					.update(budgetsDesks)
					.set(values)
					.where(and(eq(budgetsDesks.id, deskId), eq(budgetsDesks.moduleId, moduleId)))
					.returning({ id: budgetsDesks.id })
			: await tx
					.insert(budgetsDesks)
					.values({ moduleId, ...values })
					.returning({ id: budgetsDesks.id });
		if (!row) throw new NotFoundError('desk');
		await recordAction(tx, actor, {
			action: deskId ? 'budgets.desk_update' : 'budgets.desk_create',
			resourceType: 'budgets_desk',
			resourceId: row.id,
			spaceId: instance.spaceId,
			data: { moduleId, ...values }
		});
		return row.id;
	});
	return ok({ id });
}
