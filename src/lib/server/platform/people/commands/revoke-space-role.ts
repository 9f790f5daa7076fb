/** Revokes a role within one space. */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { spaceRoleNames, type Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { spaceRoles } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { invalid, ok, type Result } from '../../result.ts';

const Input = z.object({
	userId: z.string().min(1),
	spaceId: z.string().min(1),
	role: z.enum(spaceRoleNames, 'admin_role_invalid')
});

export async function revokeSpaceRole(
	actor: Actor,
	input: Record<string, unknown>
): Promise<Result<{ revoked: boolean }>> {
	authorize(canAdmin(actor, 'users.manage_roles'));
	const parsed = Input.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { userId, spaceId, role } = parsed.data;
	const db = await getDb();
	return db.transaction(async (tx) => {
		const deleted = await tx
			.delete(spaceRoles)
			.where(and(eq(spaceRoles.userId, userId), eq(spaceRoles.spaceId, spaceId), eq(spaceRoles.role, role)))
			.returning();
		if (deleted.length) {
			await recordAction(tx, actor, {
				action: 'space.revoke_role',
				resourceType: 'user',
				resourceId: userId,
				spaceId,
				data: { role }
			});
		}
		return ok({ revoked: deleted.length > 0 });
	});
}
