/** Removes a person from a department. */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { departmentMembers } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { invalid, ok, type Result } from '../../result.ts';

const Input = z.object({ userId: z.string().min(1), departmentId: z.string().min(1) });

export async function removeDepartmentMember(
	actor: Actor,
	input: Record<string, unknown>
): Promise<Result<{ removed: boolean }>> {
	authorize(canAdmin(actor, 'users.manage_roles'));
	const parsed = Input.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { userId, departmentId } = parsed.data;
	const db = await getDb();
	return db.transaction(async (tx) => {
		const deleted = await tx
			.delete(departmentMembers)
			.where(and(eq(departmentMembers.userId, userId), eq(departmentMembers.departmentId, departmentId)))
			.returning();
		if (deleted.length) {
			await recordAction(tx, actor, {
				action: 'department.remove_member',
				resourceType: 'department',
				resourceId: departmentId,
				data: { userId }
			});
		}
		return ok({ removed: deleted.length > 0 });
	});
}
