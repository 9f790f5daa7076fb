/** Builds the Actor for a signed-in user from the database: roles, departments, space roles, verifications. */
import { and, eq, gt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { preparedQuery } from '../db/prepared.ts';
import { departmentMembers, notifications, session, spaceRoles, user, userRoles, verifications } from '../db/schema.ts';
import type { Actor, PlatformRole, RequestContext, SpaceRole, VerificationKind } from './actor.ts';

/** A JSON array of one column of the user's rows in a table (`[]` when there are none), for one-statement loading. */
const jsonList = (expr: SQL, from: SQL) => sql`(select coalesce(json_agg(${expr}), '[]'::json) ${from})`;

/** The user's row with roles, departments, space roles and verifications as correlated JSON subqueries. */
const actorColumns = () => ({
	id: user.id,
	name: user.name,
	email: user.email,
	locale: user.locale,
	emailVerified: user.emailVerified,
	twoFactorEnabled: user.twoFactorEnabled,
	deletedAt: user.deletedAt,
	roles: jsonList(sql`${userRoles.role}`, sql`from ${userRoles} where ${userRoles.userId} = ${user.id}`).mapWith((v) =>
		asList<string>(v)
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
	).mapWith((v) => asList<string>(v))
});

async function userRow(db: Db, userId: string) {
	const [u] = await db.select(actorColumns()).from(user).where(eq(user.id, userId));
	return u;
}
type ActorRow = NonNullable<Awaited<ReturnType<typeof userRow>>>;

/** Builds the Actor for a user (jobs, tests, commands acting for someone); anonymous if absent or deleted. */
export async function loadActor(db: Db, userId: string, context: RequestContext = {}): Promise<Actor> {
	return toActor(await userRow(db, userId), context);
}

/**
 * A personal value read in the session's statement (a page served shared, ADR 0007: what this person supports or
 * follows on it): defined once per kind, since each kind is a prepared statement of its own.
 */
export interface SessionRead {
	/** Unique: names the prepared statement. */
	name: string;
	/** The value as SQL over the session's user id, with `sql.placeholder(…)` for the inputs given in `values`. */
	column: (userId: SQL | AnyColumn) => SQL;
}

/**
 * Every signed-in request runs this, so it is ONE statement: the live (unexpired) session with the given token, its
 * user, roles, departments, space roles, verifications and unread notifications, and `extra` if asked. A session
 * revoked elsewhere (sign-out, password reset, account deletion) stops at once. Null when there is no such session.
 */
export async function loadSessionActor(
	db: Db,
	token: string,
	context: RequestContext = {},
	extra?: { read: SessionRead; values: Record<string, unknown> }
): Promise<{ actor: Actor; sessionId: string; expiresAt: Date; unreadNotifications: number; extra: unknown } | null> {
	const [row] = extra
		? await sessionActorWith(db, extra.read).execute({ ...extra.values, token })
		: await sessionActorQuery(db).execute({ token });
	if (!row) return null;
	const actor = toActor(row, context);
	return actor.kind === 'user'
		? {
				actor,
				sessionId: row.sessionId,
				expiresAt: row.expiresAt,
				unreadNotifications: row.unreadNotifications,
				extra: 'extra' in row ? row.extra : undefined
			}
		: null;
}

/** On every request of a signed-in visitor: built once per database and prepared. */
const sessionActorQuery = preparedQuery((db: Db) => sessionActorSelect(db).prepare('session_actor'));

/** With a personal value beside it: one prepared statement per kind and database. */
const withReads = new WeakMap<Db, Map<string, ReturnType<typeof buildSessionActorWith>>>();
function sessionActorWith(db: Db, read: SessionRead) {
	let byName = withReads.get(db);
	if (!byName) withReads.set(db, (byName = new Map()));
	let query = byName.get(read.name);
	if (!query) byName.set(read.name, (query = buildSessionActorWith(db, read)));
	return query;
}

function buildSessionActorWith(db: Db, read: SessionRead) {
	return sessionActorSelect(db, read.column(user.id)).prepare(`session_actor_${read.name}`);
}

function sessionActorSelect(db: Db, extra?: SQL) {
	return db
		.select({
			...actorColumns(),
			sessionId: session.id,
			expiresAt: session.expiresAt,
			// The header's badge on every page: here rather than in a statement of its own.
			unreadNotifications:
				sql<number>`(select count(*) from ${notifications} where ${notifications.userId} = ${user.id} and ${notifications.readAt} is null)`.mapWith(
					Number
				),
			...(extra ? { extra } : {})
		})
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.where(and(eq(session.token, sql.placeholder('token')), gt(session.expiresAt, sql`now()`)));
}

function toActor(u: ActorRow | undefined, context: RequestContext): Actor {
	if (!u || u.deletedAt) return { kind: 'anonymous', context };
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
