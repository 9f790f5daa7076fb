/** Grants a role within one space (space admin, moderator, evaluator); citizens may hold these too. */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { spaceRoleNames, type Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { spaceRoles, spaces } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { assertUserExists } from '../user-exists.ts';

const Input = z.object({
	userId: z.string().min(1),
	spaceId: z.string().min(1, 'admin_space_choose'),
	role: z.enum(spaceRoleNames, 'admin_role_invalid')
});

export async function grantSpaceRole(
	actor: Actor,
	input: Record<string, unknown>
): Promise<Result<{ granted: boolean }>> {
	authorize(canAdmin(actor, 'users.manage_roles'));
	const parsed = Input.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { userId, spaceId, role } = parsed.data;
	const db = await getDb();
	await assertUserExists(db, userId);
	const [space] = await db.select({ id: spaces.id }).from(spaces).where(eq(spaces.id, spaceId));
	if (!space) return invalid({ spaceId: 'admin_space_choose' });
	return db.transaction(async (tx) => {
		const inserted = await tx.insert(spaceRoles).values({ userId, spaceId, role }).onConflictDoNothing().returning();
		if (inserted.length) {
			await recordAction(tx, actor, {
				action: 'space.grant_role',
				resourceType: 'user',
				resourceId: userId,
				spaceId,
				data: { role }
			});
		}
		return ok({ granted: inserted.length > 0 });
	});
}
