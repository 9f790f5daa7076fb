/** The platform's rows about one person (no secrets: password hashes, session tokens and 2FA secrets stay out). */
import { eq } from 'drizzle-orm';
import type { Db } from '#lib/server/platform/db/index.ts';
import {
	account,
	auditLog,
	censusEntries,
	departmentMembers,
	files,
	follows,
	notifications,
	session,
	spaceRoles,
	twoFactor,
	user,
	userRoles,
	verifications
} from '#lib/server/platform/db/schema.ts';
import type { Row } from '../platform/http/csv.ts';
import { commentsPersonalData } from '../platform/comments/personal-data.ts';

export async function platformPersonalData(db: Db, userId: string): Promise<Record<string, Row[]>> {
	const [
		users,
		accounts,
		sessions,
		twoFactors,
		roles,
		departments,
		spaces,
		proofs,
		notes,
		followed,
		uploaded,
		audit,
		census
	] = await Promise.all([
		db.select().from(user).where(eq(user.id, userId)),
		db
			.select({
				providerId: account.providerId,
				createdAt: account.createdAt,
				updatedAt: account.updatedAt
			})
			.from(account)
			.where(eq(account.userId, userId)),
		db
			.select({
				id: session.id,
				createdAt: session.createdAt,
				updatedAt: session.updatedAt,
				expiresAt: session.expiresAt,
				ipAddress: session.ipAddress,
				userAgent: session.userAgent
			})
			.from(session)
			.where(eq(session.userId, userId)),
		db.select({ id: twoFactor.id, verified: twoFactor.verified }).from(twoFactor).where(eq(twoFactor.userId, userId)),
		db.select().from(userRoles).where(eq(userRoles.userId, userId)),
		db.select().from(departmentMembers).where(eq(departmentMembers.userId, userId)),
		db.select().from(spaceRoles).where(eq(spaceRoles.userId, userId)),
		db.select().from(verifications).where(eq(verifications.userId, userId)),
		db.select().from(notifications).where(eq(notifications.userId, userId)),
		db.select().from(follows).where(eq(follows.userId, userId)),
		db.select().from(files).where(eq(files.ownerId, userId)),
		db.select().from(auditLog).where(eq(auditLog.actorId, userId)),
		db
			.select({ hash: censusEntries.hash, birthYear: censusEntries.birthYear, createdAt: censusEntries.createdAt })
			.from(censusEntries)
			.where(eq(censusEntries.claimedBy, userId))
	]);
	return {
		user: users,
		accounts,
		sessions,
		two_factor: twoFactors,
		roles,
		department_memberships: departments,
		space_roles: spaces,
		verifications: proofs,
		notifications: notes,
		follows: followed,
		files: uploaded,
		audit_log: audit,
		census_matches: census,
		...(await commentsPersonalData(db, userId))
	};
}
