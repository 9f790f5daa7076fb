/** Revokes a platform role; the last administrator cannot lose the admin role (someone must be able to manage). */
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { user, userRoles } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { assertUserExists } from '../user-exists.ts';
import { RoleInput } from '../role-input.ts';

export async function revokeRole(actor: Actor, input: Record<string, unknown>): Promise<Result<{ revoked: boolean }>> {
	authorize(canAdmin(actor, 'users.manage_roles'));
	const parsed = RoleInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { userId, role } = parsed.data;
	const db = await getDb();
	await assertUserExists(db, userId);
	return db.transaction(async (tx) => {
		if (role === 'admin') {
			// Lock every admin row first: two concurrent revocations must not each see the other admin and leave none.
			const admins = await tx
				.select({ userId: userRoles.userId, deletedAt: user.deletedAt })
				.from(userRoles)
				.innerJoin(user, eq(user.id, userRoles.userId))
				.where(eq(userRoles.role, 'admin'))
				.for('update', { of: userRoles });
			if (!admins.some((a) => a.userId !== userId && a.deletedAt === null))
				return invalid({ role: 'admin_last_admin' });
		}
		const deleted = await tx
			.delete(userRoles)
			.where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)))
			.returning();
		if (deleted.length) {
			await recordAction(tx, actor, {
				action: 'user.revoke_role',
				resourceType: 'user',
				resourceId: userId,
				data: { role }
			});
		}
		return ok({ revoked: deleted.length > 0 });
	});
}
