/** Renames a neighbourhood, per locale (Romanian required). */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { neighbourhoods } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { NotFoundError, ok, type Result } from '../../result.ts';
import { parsePlaceName } from '../place-name.ts';

export async function renameNeighbourhood(
	actor: Actor,
	id: string,
	input: Record<string, unknown>
): Promise<Result<{ id: string }>> {
	authorize(canAdmin(actor, 'neighbourhoods.manage'));
	const name = parsePlaceName(input);
	if (!name.ok) return name;
	const db = await getDb();
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select({ name: neighbourhoods.name })
			.from(neighbourhoods)
			.where(eq(neighbourhoods.id, id));
		if (!before) throw new NotFoundError('neighbourhood');
		await tx.update(neighbourhoods).set({ name: name.value }).where(eq(neighbourhoods.id, id));
		await recordAction(tx, actor, {
			action: 'neighbourhood.rename',
			resourceType: 'neighbourhood',
			resourceId: id,
			data: { before: before.name, after: name.value }
		});
		return ok({ id });
	});
}
