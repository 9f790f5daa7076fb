/** Revokes an Open311 API key (administrators); a revoked key is refused at once. Revoking twice changes nothing. */
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { canAdmin } from '../../../platform/permissions/admin-policy.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { NotFoundError, ok, type Result } from '../../../platform/result.ts';
import { reportsApiKeys } from '../schema.ts';

export async function revokeApiKey(
	actor: Actor,
	keyId: string,
	now = new Date()
): Promise<Result<{ revoked: boolean }>> {
	authorize(canAdmin(actor, 'reports.manage'));
	const db = await getDb();
	return db.transaction(async (tx) => {
		const [key] = await tx.select().from(reportsApiKeys).where(eq(reportsApiKeys.id, keyId)).for('update');
		if (!key) throw new NotFoundError('api_key');
		const [revoked] = await tx
			.update(reportsApiKeys)
			.set({ revokedAt: now })
			.where(and(eq(reportsApiKeys.id, keyId), isNull(reportsApiKeys.revokedAt)))
			.returning({ id: reportsApiKeys.id });
		if (revoked)
			await recordAction(tx, actor, {
				action: 'reports.api_key.revoke',
				resourceType: 'reports_api_key',
				resourceId: keyId,
				data: { name: key.name, prefix: key.prefix }
			});
		return ok({ revoked: Boolean(revoked) });
	});
}
