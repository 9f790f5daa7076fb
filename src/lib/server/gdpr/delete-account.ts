/**
 * Deletes the signed-in person's account after they confirm with their password. In one transaction: every module
 * anonymises its rows, then the platform erases personal data; the user row stays (content keeps pointing at it) as a
 * neutral "deleted account" with no way to sign in, and the audit log records `user.delete` without personal data.
 */
import { and, eq, inArray, like, or } from 'drizzle-orm';
import { z } from 'zod';
import { isUser, type Actor } from '#lib/server/platform/actors/actor.ts';
import { recordAction } from '#lib/server/platform/audit/record-action.ts';
import { getAuth } from '#lib/server/platform/auth/auth.ts';
import { currentPasswordField } from '#lib/server/platform/auth/schemas.ts';
import { getDb, type Db } from '#lib/server/platform/db/index.ts';
import {
	account,
	auditLog,
	censusEntries,
	departmentMembers,
	files,
	follows,
	notifications,
	outbox,
	rateLimits,
	session,
	spaceRoles,
	twoFactor,
	user,
	userRoles,
	verification,
	verifications
} from '#lib/server/platform/db/schema.ts';
import { hitRateLimit, rateRules } from '#lib/server/platform/http/rate-limit.ts';
import { authorize, decide } from '#lib/server/platform/permissions/index.ts';
import { invalid, ok, type Result } from '#lib/server/platform/result.ts';
import { modules } from '#lib/server/registry.ts';
import { anonymizeComments } from '#lib/server/platform/comments/personal-data.ts';

/** What a deleted account is called wherever its content is still shown (pages may translate it). */
export const DELETED_ACCOUNT_NAME = 'Cont șters';

const deleteInput = z.object({ password: currentPasswordField });

export async function deleteAccount(actor: Actor, input: Record<string, unknown>): Promise<Result<null>> {
	authorize(decide(isUser(actor), 'sign_in_required'));
	if (!isUser(actor)) return invalid({ _form: 'validation_invalid' });
	const parsed = deleteInput.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	// The same budget as sign-in: this form must not become a way to guess the password of an open session.
	const limit = await hitRateLimit(rateRules.signInByEmail, actor.email);
	if (!limit.allowed) return invalid({ _form: 'rate_limited' });

	const db = await getDb();
	const auth = await getAuth();
	const [credential] = await db
		.select({ hash: account.password })
		.from(account)
		.where(and(eq(account.userId, actor.id), eq(account.providerId, 'credential')));
	const context = await auth.$context;
	const matches = credential?.hash
		? await context.password.verify({ hash: credential.hash, password: parsed.data.password })
		: false;
	if (!matches) return invalid({ password: 'account_delete_wrong_password' });
	if (await isLastAdministrator(db, actor.id)) return invalid({ _form: 'account_delete_last_admin' });

	const email = actor.email.toLowerCase();
	await db.transaction(async (tx) => {
		for (const module of modules) await module.personalData.anonymize(tx, actor.id);
		await anonymizeComments(tx, actor.id);
		await eraseAccount(tx, actor.id, email);
		// No IP or browser on this entry: it must outlive the person's data.
		await recordAction(
			tx,
			{ ...actor, context: {} },
			{ action: 'user.delete', resourceType: 'user', resourceId: actor.id }
		);
	});
	return ok(null);
}

async function isLastAdministrator(db: Db, userId: string): Promise<boolean> {
	const admins = await db.select({ userId: userRoles.userId }).from(userRoles).where(eq(userRoles.role, 'admin'));
	return admins.length === 1 && admins[0].userId === userId;
}

async function eraseAccount(tx: Db, userId: string, email: string) {
	await tx
		.update(user)
		.set({
			name: DELETED_ACCOUNT_NAME,
			email: `deleted-${userId}@invalid`,
			emailVerified: false,
			image: null,
			twoFactorEnabled: false,
			locale: 'ro',
			neighbourhoodId: null,
			failedSignIns: 0,
			lockedUntil: null,
			deletedAt: new Date()
		})
		.where(eq(user.id, userId));
	await tx.delete(account).where(eq(account.userId, userId));
	await tx.delete(session).where(eq(session.userId, userId));
	await tx.delete(twoFactor).where(eq(twoFactor.userId, userId));
	// better-auth keeps reset and two-factor challenges keyed by the user id.
	await tx.delete(verification).where(eq(verification.value, userId));
	await tx.delete(verifications).where(eq(verifications.userId, userId));
	await tx.delete(notifications).where(eq(notifications.userId, userId));
	await tx.delete(follows).where(eq(follows.userId, userId));
	await tx.delete(userRoles).where(eq(userRoles.userId, userId));
	await tx.delete(departmentMembers).where(eq(departmentMembers.userId, userId));
	await tx.delete(spaceRoles).where(eq(spaceRoles.userId, userId));
	// Files stay with the content they illustrate, but no longer name their uploader.
	await tx.update(files).set({ ownerId: null }).where(eq(files.ownerId, userId));
	await tx.update(censusEntries).set({ claimedBy: null }).where(eq(censusEntries.claimedBy, userId));
	// Earlier audit entries keep the actor id (accountability) but lose where the person connected from.
	await tx.update(auditLog).set({ ip: null, userAgent: null }).where(eq(auditLog.actorId, userId));
	await tx.delete(outbox).where(eq(outbox.to, email));
	await tx
		.delete(rateLimits)
		.where(or(like(rateLimits.key, `%:${escapeLike(email)}`), inArray(rateLimits.key, [`sms:user:${userId}`])));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
