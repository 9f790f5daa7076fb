/** Administrators mark a member of a department as its head (or not): heads receive the reports' deadline reminders. */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { departmentMembers } from '../../../platform/db/schema.ts';
import { canAdmin } from '../../../platform/permissions/admin-policy.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';

export async function setDepartmentHead(
	actor: Actor,
	departmentId: string,
	userId: string,
	head: boolean
): Promise<Result<null>> {
	authorize(canAdmin(actor, 'reports.manage'));
	const db = await getDb();
	const done = await db.transaction(async (tx) => {
		const [row] = await tx
			.update(departmentMembers)
			.set({ head })
			.where(and(eq(departmentMembers.departmentId, departmentId), eq(departmentMembers.userId, userId)))
			.returning({ userId: departmentMembers.userId });
		if (!row) return false;
		await recordAction(tx, actor, {
			action: 'department.head',
			resourceType: 'department',
			resourceId: departmentId,
			data: { userId, head }
		});
		return true;
	});
	return done ? ok(null) : invalid({ userId: 'reports_staff_error_not_member' });
}
