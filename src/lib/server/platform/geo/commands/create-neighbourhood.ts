/** Adds a neighbourhood that the seed data lacks (e.g. Freidorf), with an optional GeoJSON boundary. */
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { neighbourhoods } from '../../db/schema.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { parseGeometryUpload } from '../geojson.ts';
import { parsePlaceName } from '../place-name.ts';
import { uniqueSlug } from '../unique-slug.ts';

export async function createNeighbourhood(
	actor: Actor,
	input: Record<string, unknown>,
	geojson = ''
): Promise<Result<{ id: string }>> {
	authorize(canAdmin(actor, 'neighbourhoods.manage'));
	const name = parsePlaceName(input);
	const checked = geojson.trim() ? parseGeometryUpload(geojson) : null;
	if (!name.ok || (checked && !checked.ok)) {
		return invalid({
			...(name.ok ? {} : name.errors),
			...(checked && !checked.ok ? { boundary: checked.error } : {})
		});
	}
	const db = await getDb();
	return db.transaction(async (tx) => {
		const slug = await uniqueSlug(tx, neighbourhoods, name.value.ro);
		const [created] = await tx
			.insert(neighbourhoods)
			.values({ slug, name: name.value, geometry: checked?.ok ? checked.geometry : null })
			.returning({ id: neighbourhoods.id });
		await recordAction(tx, actor, {
			action: 'neighbourhood.create',
			resourceType: 'neighbourhood',
			resourceId: created.id,
			data: { name: name.value, boundary: Boolean(checked) }
		});
		return ok({ id: created.id });
	});
}
