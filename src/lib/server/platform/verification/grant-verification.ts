/** Attaches a verification to an account, replacing an active one of the same kind (one active proof per kind). */
import { and, eq, isNull } from 'drizzle-orm';
import type { VerificationKind } from '../actors/actor.ts';
import type { Db } from '../db/index.ts';
import { verifications } from '../db/schema.ts';

export interface VerificationGrant {
	userId: string;
	kind: VerificationKind;
	method: 'link' | 'sms' | 'census' | 'in_person';
	verifiedBy?: string | null;
	documentType?: string | null;
	detail?: string | null;
}

export async function grantVerification(db: Db, grant: VerificationGrant): Promise<string> {
	await db
		.update(verifications)
		.set({ revokedAt: new Date() })
		.where(
			and(eq(verifications.userId, grant.userId), eq(verifications.kind, grant.kind), isNull(verifications.revokedAt))
		);
	const [row] = await db
		.insert(verifications)
		.values({
			userId: grant.userId,
			kind: grant.kind,
			method: grant.method,
			verifiedBy: grant.verifiedBy ?? null,
			documentType: grant.documentType ?? null,
			detail: grant.detail ?? null
		})
		.returning({ id: verifications.id });
	return row.id;
}
