/** Builds the Actor for a signed-in user from the database: roles, departments, space roles, verifications. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { departmentMembers, spaceRoles, user, userRoles, verifications } from '../db/schema.ts';
import type { Actor, PlatformRole, RequestContext, SpaceRole, VerificationKind } from './actor.ts';

export async function loadActor(db: Db, userId: string, context: RequestContext = {}): Promise<Actor> {
	const [u] = await db.select().from(user).where(eq(user.id, userId));
	if (!u || u.deletedAt) return { kind: 'anonymous', context };
	const [roles, depts, sroles, vers] = await Promise.all([
		db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)),
		db
			.select({ id: departmentMembers.departmentId })
			.from(departmentMembers)
			.where(eq(departmentMembers.userId, userId)),
		db.select().from(spaceRoles).where(eq(spaceRoles.userId, userId)),
		db
			.select({ kind: verifications.kind })
			.from(verifications)
			.where(and(eq(verifications.userId, userId), isNull(verifications.revokedAt)))
	]);
	const granted = roles.map((r) => r.role as PlatformRole);
	const twoFactorEnabled = Boolean(u.twoFactorEnabled);
	const spaceRoleMap: Record<string, SpaceRole[]> = {};
	// Space roles (space admin, moderator, evaluator) may be given to citizens, e.g. a neighbourhood council member.
	for (const r of sroles) (spaceRoleMap[r.spaceId] ??= []).push(r.role as SpaceRole);
	return {
		kind: 'user',
		id: u.id,
		name: u.name,
		email: u.email,
		locale: u.locale,
		emailVerified: u.emailVerified,
		twoFactorEnabled,
		roles: twoFactorEnabled ? granted : [],
		pendingRoles: twoFactorEnabled ? [] : granted,
		departmentIds: depts.map((d) => d.id),
		spaceRoles: spaceRoleMap,
		verifications: vers.map((v) => v.kind as VerificationKind),
		context
	};
}
