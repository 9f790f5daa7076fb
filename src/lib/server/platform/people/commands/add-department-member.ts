/** Makes a person a member of a department (staff work for one or more of the city's directorates). */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { departmentMembers, departments } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { assertUserExists } from '../user-exists.ts';

const Input = z.object({ userId: z.string().min(1), departmentId: z.string().min(1, 'admin_department_choose') });

export async function addDepartmentMember(
	actor: Actor,
	input: Record<string, unknown>
): Promise<Result<{ added: boolean }>> {
	authorize(canAdmin(actor, 'users.manage_roles'));
	const parsed = Input.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { userId, departmentId } = parsed.data;
	const db = await getDb();
	await assertUserExists(db, userId);
	const [department] = await db
		.select({ id: departments.id })
		.from(departments)
		.where(eq(departments.id, departmentId));
	if (!department) return invalid({ departmentId: 'admin_department_choose' });
	return db.transaction(async (tx) => {
		const inserted = await tx
			.insert(departmentMembers)
			.values({ userId, departmentId })
			.onConflictDoNothing()
			.returning();
		if (inserted.length) {
			await recordAction(tx, actor, {
				action: 'department.add_member',
				resourceType: 'department',
				resourceId: departmentId,
				data: { userId }
			});
		}
		return ok({ added: inserted.length > 0 });
	});
}
