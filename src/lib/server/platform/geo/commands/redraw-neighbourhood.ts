/** Replaces a neighbourhood's boundary with an uploaded GeoJSON polygon (validated: type, WGS84, closed rings). */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { neighbourhoods } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { invalid, NotFoundError, ok, type Result } from '../../result.ts';
import { parseGeometryUpload } from '../geojson.ts';

export async function redrawNeighbourhood(
	actor: Actor,
	id: string,
	{ geojson }: { geojson: string }
): Promise<Result<{ id: string }>> {
	authorize(canAdmin(actor, 'neighbourhoods.manage'));
	const checked = parseGeometryUpload(geojson);
	if (!checked.ok) return invalid({ boundary: checked.error });
	const db = await getDb();
	return db.transaction(async (tx) => {
		const updated = await tx
			.update(neighbourhoods)
			.set({ geometry: checked.geometry })
			.where(eq(neighbourhoods.id, id))
			.returning({ id: neighbourhoods.id });
		if (!updated.length) throw new NotFoundError('neighbourhood');
		// The polygon itself is not copied into the audit log: it can be large, and the record keeps the current one.
		await recordAction(tx, actor, {
			action: 'neighbourhood.redraw',
			resourceType: 'neighbourhood',
			resourceId: id,
			data: { type: checked.geometry.type, bytes: geojson.length }
		});
		return ok({ id });
	});
}
