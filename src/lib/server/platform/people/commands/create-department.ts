/** Creates a department (one of the city's directorates). */
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { departments } from '../../db/schema.ts';
import { uniqueSlug } from '../../geo/unique-slug.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { ok, type Result } from '../../result.ts';
import { parseDepartmentForm } from '../department-form.ts';

export async function createDepartment(actor: Actor, input: Record<string, unknown>): Promise<Result<{ id: string }>> {
	authorize(canAdmin(actor, 'departments.manage'));
	const form = parseDepartmentForm(input);
	if (!form.ok) return form;
	const { name, email } = form.value;
	const db = await getDb();
	return db.transaction(async (tx) => {
		const slug = await uniqueSlug(tx, departments, name.ro);
		const [created] = await tx.insert(departments).values({ slug, name, email }).returning({ id: departments.id });
		await recordAction(tx, actor, {
			action: 'department.create',
			resourceType: 'department',
			resourceId: created.id,
			data: { name, email }
		});
		return ok({ id: created.id });
	});
}
