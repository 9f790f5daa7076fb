/** Grants a platform role (admin, staff, moderator, evaluator); it is in force once the person has two-factor on. */
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { userRoles } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { assertUserExists } from '../user-exists.ts';
import { RoleInput } from '../role-input.ts';

export async function grantRole(actor: Actor, input: Record<string, unknown>): Promise<Result<{ granted: boolean }>> {
	authorize(canAdmin(actor, 'users.manage_roles'));
	const parsed = RoleInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { userId, role } = parsed.data;
	const db = await getDb();
	await assertUserExists(db, userId);
	return db.transaction(async (tx) => {
		const inserted = await tx
			.insert(userRoles)
			.values({ userId, role, grantedBy: actor.kind === 'user' ? actor.id : null })
			.onConflictDoNothing()
			.returning();
		if (inserted.length) {
			await recordAction(tx, actor, {
				action: 'user.grant_role',
				resourceType: 'user',
				resourceId: userId,
				data: { role }
			});
		}
		return ok({ granted: inserted.length > 0 });
	});
}
