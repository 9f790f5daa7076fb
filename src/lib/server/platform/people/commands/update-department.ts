/** Renames a department (per locale) or changes its contact e-mail. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { departments } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { NotFoundError, ok, type Result } from '../../result.ts';
import { parseDepartmentForm } from '../department-form.ts';

export async function updateDepartment(
	actor: Actor,
	id: string,
	input: Record<string, unknown>
): Promise<Result<{ id: string }>> {
	authorize(canAdmin(actor, 'departments.manage'));
	const form = parseDepartmentForm(input);
	if (!form.ok) return form;
	const { name, email } = form.value;
	const db = await getDb();
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(departments).where(eq(departments.id, id));
		if (!before) throw new NotFoundError('department');
		await tx.update(departments).set({ name, email }).where(eq(departments.id, id));
		await recordAction(tx, actor, {
			action: 'department.update',
			resourceType: 'department',
			resourceId: id,
			data: { before: { name: before.name, email: before.email }, after: { name, email } }
		});
		return ok({ id });
	});
}
