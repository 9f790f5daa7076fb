/** Issues an Open311 API key (administrators): stores its hash and returns the key, which is shown only this once. */
import { z } from 'zod';
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { canAdmin } from '../../../platform/permissions/admin-policy.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { newApiKey } from '../open311/api-keys.ts';
import { reportsApiKeys } from '../schema.ts';

const Input = z.object({
	name: z
		.string({ message: 'validation_required' })
		.trim()
		.min(1, 'validation_required')
		.max(120, 'reports_open311_key_name_too_long')
});

export async function createApiKey(
	actor: Actor,
	input: { name: unknown }
): Promise<Result<{ id: string; key: string; prefix: string; name: string }>> {
	authorize(canAdmin(actor, 'reports.manage'));
	const parsed = Input.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const db = await getDb();
	const { key, prefix, keyHash } = newApiKey();
	const row = await db.transaction(async (tx) => {
		const [created] = await tx
			.insert(reportsApiKeys)
			.values({ name: parsed.data.name, prefix, keyHash, createdBy: actor.kind === 'user' ? actor.id : null })
			.returning();
		await recordAction(tx, actor, {
			action: 'reports.api_key.create',
			resourceType: 'reports_api_key',
			resourceId: created.id,
			data: { name: created.name, prefix }
		});
		return created;
	});
	return ok({ id: row.id, key, prefix, name: row.name });
}
