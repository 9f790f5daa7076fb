/** Revokes a platform role; the last administrator cannot lose the admin role (someone must be able to manage). */
import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { platformRoles, type Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { user, userRoles } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { assertUserExists } from '../user-exists.ts';

const Input = z.object({ userId: z.string().min(1), role: z.enum(platformRoles, 'admin_role_invalid') });

export async function revokeRole(actor: Actor, input: Record<string, unknown>): Promise<Result<{ revoked: boolean }>> {
	authorize(canAdmin(actor, 'users.manage_roles'));
	const parsed = Input.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { userId, role } = parsed.data;
	const db = await getDb();
	await assertUserExists(db, userId);
	return db.transaction(async (tx) => {
		if (role === 'admin') {
			const [{ others }] = await tx
				.select({ others: sql<number>`count(*)::int` })
				.from(userRoles)
				.innerJoin(user, eq(user.id, userRoles.userId))
				.where(and(eq(userRoles.role, 'admin'), ne(userRoles.userId, userId), sql`${user.deletedAt} IS NULL`));
			if (others === 0) return invalid({ role: 'admin_last_admin' });
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
