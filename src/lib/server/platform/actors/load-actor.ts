/** Builds the Actor for a signed-in user from the database: roles, departments, space roles, verifications. */
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { departmentMembers, session, spaceRoles, user, userRoles, verifications } from '../db/schema.ts';
import type { Actor, PlatformRole, RequestContext, SpaceRole, VerificationKind } from './actor.ts';

/** A JSON array of one column of the user's rows in a table (`[]` when there are none), for one-statement loading. */
const jsonList = (expr: SQL, from: SQL) => sql`(select coalesce(json_agg(${expr}), '[]'::json) ${from})`;

/**
 * Every signed-in request runs this, so it is ONE statement: the user with roles, departments, space roles and
 * verifications as correlated JSON subqueries. With `sessionId` it also requires that session to exist and be
 * unexpired, so a session revoked elsewhere (sign-out, password reset, account deletion) stops at once even while
 * better-auth answers `getSession` from its signed cookie cache (auth.ts).
 */
export async function loadActor(
	db: Db,
	userId: string,
	context: RequestContext = {},
	options: { sessionId?: string } = {}
): Promise<Actor> {
	const sessionLive = options.sessionId
		? sql`exists (select 1 from ${session} where ${session.id} = ${options.sessionId} and ${session.userId} = ${user.id} and ${session.expiresAt} > now())`
		: sql`true`;
	const [u] = await db
		.select({
			id: user.id,
			name: user.name,
			email: user.email,
			locale: user.locale,
			emailVerified: user.emailVerified,
			twoFactorEnabled: user.twoFactorEnabled,
			deletedAt: user.deletedAt,
			roles: jsonList(sql`${userRoles.role}`, sql`from ${userRoles} where ${userRoles.userId} = ${user.id}`).mapWith(
				(v) => asList<string>(v)
			),
			departmentIds: jsonList(
				sql`${departmentMembers.departmentId}`,
				sql`from ${departmentMembers} where ${departmentMembers.userId} = ${user.id}`
			).mapWith((v) => asList<string>(v)),
			spaceRoles: jsonList(
				sql`json_build_array(${spaceRoles.spaceId}, ${spaceRoles.role})`,
				sql`from ${spaceRoles} where ${spaceRoles.userId} = ${user.id}`
			).mapWith((v) => asList<[string, string]>(v)),
			verifications: jsonList(
				sql`${verifications.kind}`,
				sql`from ${verifications} where ${verifications.userId} = ${user.id} and ${verifications.revokedAt} is null`
			).mapWith((v) => asList<string>(v)),
			sessionLive: sql<boolean>`${sessionLive}`
		})
		.from(user)
		.where(eq(user.id, userId));
	if (!u || u.deletedAt || !u.sessionLive) return { kind: 'anonymous', context };
	const granted = u.roles as PlatformRole[];
	const twoFactorEnabled = Boolean(u.twoFactorEnabled);
	const spaceRoleMap: Record<string, SpaceRole[]> = {};
	// Space roles (space admin, moderator, evaluator) may be given to citizens, e.g. a neighbourhood council member.
	for (const [spaceId, role] of u.spaceRoles) (spaceRoleMap[spaceId] ??= []).push(role as SpaceRole);
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
		departmentIds: u.departmentIds,
		spaceRoles: spaceRoleMap,
		verifications: u.verifications as VerificationKind[],
		context
	};
}

/** json values arrive parsed from node-postgres and PGlite; a string only if a driver hands back raw text. */
function asList<T>(v: unknown): T[] {
	return (typeof v === 'string' ? JSON.parse(v) : (v ?? [])) as T[];
}
