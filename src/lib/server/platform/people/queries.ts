/** Read models for the administration of people: user search, a user's roles and verifications, departments. */
import { and, asc, count, desc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Actor, PlatformRole, SpaceRole } from '../actors/actor.ts';
import { getDb } from '../db/index.ts';
import { departmentMembers, departments, spaceRoles, spaces, user, userRoles, verifications } from '../db/schema.ts';
import { authorize } from '../permissions/index.ts';
import { canAdmin } from '../permissions/admin-policy.ts';
import { NotFoundError } from '../result.ts';

export const USERS_PAGE_SIZE = 25;

/** People whose name or e-mail contains `q` (all people when empty), newest first, with their platform roles. */
export async function searchUsers(actor: Actor, { q = '', page = 1 }: { q?: string; page?: number } = {}) {
	authorize(canAdmin(actor, 'users.view'));
	const db = await getDb();
	const term = q.trim();
	const where = and(
		isNull(user.deletedAt),
		term ? or(ilike(user.name, `%${escapeLike(term)}%`), ilike(user.email, `%${escapeLike(term)}%`)) : undefined
	);
	const offset = (Math.max(1, page) - 1) * USERS_PAGE_SIZE;
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				id: user.id,
				name: user.name,
				email: user.email,
				emailVerified: user.emailVerified,
				twoFactorEnabled: user.twoFactorEnabled,
				createdAt: user.createdAt,
				roles: sql<
					string[]
				>`coalesce((select array_agg(${userRoles.role} order by ${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${user.id}), '{}')`
			})
			.from(user)
			.where(where)
			.orderBy(desc(user.createdAt), asc(user.id))
			.limit(USERS_PAGE_SIZE)
			.offset(offset),
		db.select({ total: count() }).from(user).where(where)
	]);
	return { users: rows, total, page: Math.max(1, page), pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One person as administrators see them: roles, departments, space roles and active verifications. */
export async function getUserForAdmin(actor: Actor, userId: string) {
	authorize(canAdmin(actor, 'users.view'));
	const db = await getDb();
	const [u] = await db
		.select({
			id: user.id,
			name: user.name,
			email: user.email,
			emailVerified: user.emailVerified,
			twoFactorEnabled: user.twoFactorEnabled,
			createdAt: user.createdAt,
			deletedAt: user.deletedAt
		})
		.from(user)
		.where(eq(user.id, userId));
	if (!u || u.deletedAt) throw new NotFoundError('user');
	const [roles, depts, sroles, vers] = await Promise.all([
		db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId)),
		db
			.select({ id: departments.id, name: departments.name })
			.from(departmentMembers)
			.innerJoin(departments, eq(departments.id, departmentMembers.departmentId))
			.where(eq(departmentMembers.userId, userId)),
		db
			.select({ spaceId: spaceRoles.spaceId, role: spaceRoles.role, title: spaces.title })
			.from(spaceRoles)
			.innerJoin(spaces, eq(spaces.id, spaceRoles.spaceId))
			.where(eq(spaceRoles.userId, userId))
			.orderBy(asc(spaces.slug), asc(spaceRoles.role)),
		db
			.select({
				id: verifications.id,
				kind: verifications.kind,
				method: verifications.method,
				documentType: verifications.documentType,
				createdAt: verifications.createdAt,
				verifiedByName: sql<
					string | null
				>`(select ${user.name} from ${user} where ${user.id} = ${verifications.verifiedBy})`
			})
			.from(verifications)
			.where(and(eq(verifications.userId, userId), isNull(verifications.revokedAt)))
			.orderBy(asc(verifications.kind))
	]);
	return {
		user: u,
		roles: roles.map((r) => r.role as PlatformRole),
		departments: depts,
		spaceRoles: sroles.map((r) => ({ ...r, role: r.role as SpaceRole })),
		verifications: vers
	};
}

/** Spaces to pick from when granting a space role. */
export async function listSpacesForRoles(actor: Actor) {
	authorize(canAdmin(actor, 'users.manage_roles'));
	const db = await getDb();
	return db.select({ id: spaces.id, slug: spaces.slug, title: spaces.title }).from(spaces).orderBy(asc(spaces.slug));
}

/** All departments with their member counts, by slug. */
export async function listDepartments(actor: Actor) {
	authorize(canAdmin(actor, 'departments.view'));
	const db = await getDb();
	return db
		.select({
			id: departments.id,
			slug: departments.slug,
			name: departments.name,
			email: departments.email,
			members: sql<number>`(select count(*)::int from ${departmentMembers} where ${departmentMembers.departmentId} = ${departments.id})`
		})
		.from(departments)
		.orderBy(asc(departments.slug));
}

/** One department and its members. */
export async function getDepartment(actor: Actor, id: string) {
	authorize(canAdmin(actor, 'departments.view'));
	const db = await getDb();
	const [department] = await db.select().from(departments).where(eq(departments.id, id));
	if (!department) throw new NotFoundError('department');
	const members = await db
		.select({ id: user.id, name: user.name, email: user.email })
		.from(departmentMembers)
		.innerJoin(user, eq(user.id, departmentMembers.userId))
		.where(and(eq(departmentMembers.departmentId, id), isNull(user.deletedAt)))
		.orderBy(asc(user.name));
	return { department, members };
}
